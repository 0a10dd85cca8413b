import { Navigate, Outlet, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useMe } from '../../shared/session.js';

/** Admin screens need a session, a changed password, and a role that works on the desktop. */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spin size="large" style={{ display: 'block', margin: '160px auto' }} />;
  if (me.isError)
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={me.error.message}
        extra={<Button onClick={() => me.refetch()}>重试</Button>}
      />
    );
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (me.data.role === 'delegate') {
    window.location.replace('/m');
    return null;
  }
  return <Outlet />;
}
