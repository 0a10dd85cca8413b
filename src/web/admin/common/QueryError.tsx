import { Alert, Button } from 'antd';

/** A failed load, with the server's message and a retry. */
export function QueryError({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="加载失败"
      description={error.message}
      action={retry && <Button size="small" onClick={retry}>重试</Button>}
      style={{ marginBottom: 16 }}
    />
  );
}
