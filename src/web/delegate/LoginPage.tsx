import { Button, Form, Input } from 'antd-mobile';
import { Navigate, useNavigate } from 'react-router';
import { landAgain } from './Landing.js';
import { useDemoSignIn, useLogin, useMe } from '../shared/session.js';

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const demo = useDemoSignIn().data;
  if (me.data && !login.isPending) return <Navigate to={me.data.mustChangePassword ? '/change-password' : '/'} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    const user = await login.mutateAsync({ username: v.username.trim(), password: v.password }).catch(() => null);
    landAgain();
    if (user) navigate(user.mustChangePassword ? '/change-password' : '/', { replace: true });
  };

  return (
    <div className="m-auth">
      <h1>年会</h1>
      <p className="m-sub">乡镇党代会年会制工作平台 · 党代表</p>
      {login.error && <div className="m-error" role="alert">{login.error.message}</div>}
      <Form
        layout="horizontal"
        mode="card"
        requiredMarkStyle="none"
        onFinish={onFinish}
        footer={
          <Button block type="submit" color="primary" size="large" loading={login.isPending}>
            登录
          </Button>
        }
      >
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input placeholder="请输入用户名" autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input placeholder="请输入密码" type="password" autoComplete="current-password" />
        </Form.Item>
      </Form>
      {demo && (
        <p className="m-demo">
          已载入演示数据：代表账号 {demo.accounts.find((a) => a.role.startsWith('党代表'))?.usernames}，密码 {demo.password}
        </p>
      )}
    </div>
  );
}
