import { Button, ErrorBlock, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { DELEGATE_STATUSES } from '../shared/labels.js';
import { useLogout } from '../shared/session.js';
import { Loading } from './Loading.js';
import { useMyDelegate } from './useMyDelegate.js';

const TAG_COLORS = { active: 'success', suspended: 'warning', terminated: 'default' } as const;

export function MePage() {
  const q = useMyDelegate();
  const logout = useLogout();
  const navigate = useNavigate();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBlock status="default" title="加载失败" description={q.error.message} fullPage />;
  const { delegate: d, township, term } = q.data;

  return (
    <div className="m-page">
      <header className="m-header">
        <h1>{d.name}</h1>
        <p>
          {township.name}
          {term ? ` · 第${term.number}届党代表大会代表` : ''}
        </p>
      </header>
      <List header="我的信息" className="m-section" mode="card">
        <List.Item extra={<Tag color={TAG_COLORS[d.status]} fill="solid" style={{ fontSize: 14, padding: '3px 8px' }}>{DELEGATE_STATUSES[d.status]}</Tag>}>代表状态</List.Item>
        <List.Item extra={d.electoralUnit?.name ?? '—'}>选举单位</List.Item>
        <List.Item extra={d.category ?? '—'}>代表类别</List.Item>
        <List.Item description={d.workplace ?? '—'}>工作单位及职务</List.Item>
        <List.Item extra={d.phone ?? d.phoneMasked ?? '—'}>联系电话</List.Item>
        <List.Item extra={d.groups.map((g) => g.name).join('、') || '未分组'} onClick={() => navigate('/group')}>
          所在小组
        </List.Item>
      </List>
      <List className="m-section" mode="card">
        <List.Item onClick={() => navigate('/change-password')}>修改密码</List.Item>
      </List>
      <div className="m-section">
        <Button block size="large" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
          退出登录
        </Button>
      </div>
    </div>
  );
}
