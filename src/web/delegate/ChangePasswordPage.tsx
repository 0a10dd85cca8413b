import { Button, Form, Input, Toast } from 'antd-mobile';
import { Navigate, useNavigate } from 'react-router';
import { useChangePassword, useLogout, useMe } from '../shared/session.js';
import { passwordValidator } from '../shared/validation.js';
import { Loading } from './Loading.js';

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
  const [form] = Form.useForm<Values>();
  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login" replace />;
  const forced = me.data.mustChangePassword;

  const onFinish = async (v: Values) => {
    try {
      await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
    } catch {
      return;
    }
    Toast.show({ icon: 'success', content: '密码已修改' });
    navigate('/', { replace: true });
  };

  return (
    <div className="m-auth">
      <h1>修改密码</h1>
      <p className="m-sub">{forced ? '首次登录或密码被重置后，请先设置自己的密码' : me.data.displayName}</p>
      {change.error && <div className="m-error" role="alert">{change.error.message}</div>}
      <Form
        form={form}
        mode="card"
        requiredMarkStyle="none"
        onFinish={onFinish}
        footer={
          <>
            <Button block type="submit" color="primary" size="large" loading={change.isPending}>
              确认修改
            </Button>
            <Button
              block
              fill="none"
              size="large"
              style={{ marginTop: 8 }}
              onClick={() => (forced ? logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) }) : navigate(-1))}
            >
              {forced ? '退出登录' : '返回'}
            </Button>
          </>
        }
      >
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input type="password" autoComplete="current-password" placeholder="首次登录请填写收到的临时密码" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          help="至少 8 位，含大写字母、小写字母、数字、符号中的至少三类，不能是常用或容易猜中的密码"
          rules={[{ required: true, message: '请输入新密码' }, { validator: passwordValidator(me.data.username) }]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            {
              validator: async (_r, v) => {
                if (v && v !== form.getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            },
          ]}
        >
          <Input type="password" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </div>
  );
}
