import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../../shared/session.js';
import { AuthCard } from './AuthCard.js';
import { DemoAccounts } from './DemoAccounts.js';

/** Where a user lands after signing in: delegates belong on the phone pages. */
export function landingFor(me: { role: string; mustChangePassword: boolean }, next: string | null) {
  if (me.mustChangePassword) return '/change-password';
  if (me.role === 'delegate') return '/m';
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');

  if (me.data && !login.isPending) {
    const to = landingFor(me.data, next);
    if (to === '/m') {
      window.location.replace('/m');
      return null;
    }
    return <Navigate to={to} replace />;
  }

  const onFinish = async (values: { username: string; password: string }) => {
    const user = await login.mutateAsync(values).catch(() => null);
    if (!user) return;
    const to = landingFor(user, next);
    if (to === '/m') window.location.assign('/m');
    else navigate(to, { replace: true });
  };

  return (
    <AuthCard title="登录">
      {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          登录
        </Button>
      </Form>
      <DemoAccounts />
    </AuthCard>
  );
}
