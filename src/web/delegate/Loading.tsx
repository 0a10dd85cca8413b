import { DotLoading } from 'antd-mobile';

export function Loading() {
  return (
    <div style={{ padding: '35vh 0', textAlign: 'center', color: '#c8161d', fontSize: 24 }}>
      <DotLoading color="currentColor" />
    </div>
  );
}
