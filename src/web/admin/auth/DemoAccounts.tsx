import { Alert, Descriptions } from 'antd';
import { useDemoSignIn } from '../../shared/session.js';

/** On a demo installation only: which accounts to try, and their password. */
export function DemoAccounts() {
  const demo = useDemoSignIn().data;
  if (!demo) return null;
  return (
    <Alert
      type="info"
      style={{ marginTop: 16 }}
      title={`已载入演示数据（${demo.county}），可用以下账号登录，密码均为 ${demo.password}`}
      description={
        <Descriptions size="small" column={1} items={demo.accounts.map((a) => ({ key: a.role, label: a.role, children: a.usernames }))} />
      }
    />
  );
}
