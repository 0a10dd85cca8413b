import { Alert, App, Button, Form, Input, Space, Spin } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useChangePassword, useLogout, useMe } from '../../shared/session.js';
import { passwordValidator } from '../../shared/validation.js';
import { AuthCard } from './AuthCard.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const me = useMe();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();

  if (me.isPending) return <Spin style={{ display: 'block', margin: '120px auto' }} />;
  if (!me.data) return <Navigate to="/login" replace />;
  const forced = me.data.mustChangePassword;

  return (
    <AuthCard title="修改密码">
      {forced && (
        <Alert type="warning" showIcon title="首次登录或密码被重置后，请先修改密码" style={{ marginBottom: 16 }} />
      )}
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 16 }} />}
      <Form<Values>
        layout="vertical"
        onFinish={async (v) => {
          try {
            await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
          } catch {
            return;
          }
          message.success('密码已修改');
          if (me.data?.role === 'delegate') window.location.assign('/m');
          else navigate('/', { replace: true });
        }}
        requiredMark={false}
      >
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类，不含用户名，也不能是常用或容易猜中的密码（如 Password1）"
          rules={[{ required: true, message: '请输入新密码' }, { validator: passwordValidator(me.data.username) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_r, value) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            确认修改
          </Button>
          {forced ? (
            <Button type="link" onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}>
              退出登录
            </Button>
          ) : (
            <Button onClick={() => navigate(-1)}>返回</Button>
          )}
        </Space>
      </Form>
    </AuthCard>
  );
}
