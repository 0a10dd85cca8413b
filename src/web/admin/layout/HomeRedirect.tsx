import { Navigate } from 'react-router';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../shared/session.js';
import { defaultTownship, permissionsOf } from './useTownship.js';

export function HomeRedirect() {
  const me = useMe().data!;
  const p = permissionsOf(me);
  if (p.isCounty) return <Navigate to="/county" replace />;
  const t = defaultTownship(me);
  if (t && p.canReadRoster) return <Navigate to={`/t/${t.id}/roster`} replace />;
  return (
    <Result
      status="info"
      title={`欢迎，${me.displayName}`}
      subTitle={`您的角色是“${me.roleName}”。与此角色相关的功能将随会议、提案等模块陆续开放。`}
    />
  );
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，或您没有访问权限。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}
