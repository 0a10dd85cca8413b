import { ErrorBlock, List, Tag } from 'antd-mobile';
import { GROUP_KIND_LABELS } from '../shared/labels.js';
import { Loading } from './Loading.js';
import { useMyDelegate } from './useMyDelegate.js';

export function GroupPage() {
  const q = useMyDelegate();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBlock status="default" title="加载失败" description={q.error.message} fullPage />;
  const { groups, delegate } = q.data;

  return (
    <div className="m-page">
      <header className="m-header">
        <h1>我的小组</h1>
        <p>{groups.length > 0 ? groups.map((g) => g.name).join('、') : '尚未编入代表小组'}</p>
      </header>
      {groups.length === 0 && <ErrorBlock status="empty" title="尚未编入代表小组" description="编组后将在这里看到组长和组员。" />}
      {groups.map((g) => (
        <div key={g.id}>
          <List header={`${g.name}（${GROUP_KIND_LABELS[g.kind] ?? g.kind}）`} className="m-section" mode="card">
            <List.Item extra={g.leader?.name ?? '未设'}>组长</List.Item>
            <List.Item extra={g.deputyLeader?.name ?? '未设'}>副组长</List.Item>
            <List.Item extra={`${g.members.length} 人`}>组员人数</List.Item>
          </List>
          <List header="组员" className="m-section" mode="card">
            {g.members.map((m) => (
              <List.Item
                key={m.id}
                extra={
                  <>
                    {m.id === g.leader?.id && <Tag color="danger">组长</Tag>}
                    {m.id === g.deputyLeader?.id && <Tag color="warning">副组长</Tag>}
                    {m.id === delegate.id && <Tag color="primary" style={{ marginLeft: 4 }}>我</Tag>}
                  </>
                }
              >
                {m.name}
              </List.Item>
            ))}
          </List>
        </div>
      ))}
    </div>
  );
}
