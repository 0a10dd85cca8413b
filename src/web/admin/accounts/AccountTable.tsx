import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { api } from '../../shared/api.js';
import type { Account } from '../../shared/types.js';

/** Shows an issued password once: it is not stored anywhere the app can show it again. */
export function IssuedPasswordModal({ issued, onClose }: { issued: { username: string; password: string } | null; onClose: () => void }) {
  return (
    <Modal open={!!issued} title="临时密码" onOk={onClose} onCancel={onClose} okText="我已记下" cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
      {issued && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="临时密码只显示这一次，请立即复制并当面或通过安全渠道交给本人。首次登录时须修改密码。" />
          <p>
            用户名：<Typography.Text strong>{issued.username}</Typography.Text>
          </p>
          <p>
            临时密码：
            <Typography.Text copyable={{ text: issued.password, tooltips: ['复制', '已复制'] }}>
              <span data-testid="issued-password" style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 1, padding: '2px 8px', background: '#fafafa', border: '1px solid #eee', borderRadius: 4 }}>
                {issued.password}
              </span>
            </Typography.Text>
          </p>
        </>
      )}
    </Modal>
  );
}

/**
 * The list of accounts with the actions an account manager has on each. `actionBase` is the
 * URL the per-account actions hang below (…/accounts/:id/disable).
 */
export function AccountTable({
  items,
  loading,
  actionBase,
  listKey,
  extraColumns = [],
  manageable = () => true,
}: {
  items: Account[] | undefined;
  loading: boolean;
  actionBase: string;
  listKey: readonly unknown[];
  extraColumns?: TableProps<Account>['columns'];
  /** Accounts this user may act on; the others are listed without actions. */
  manageable?: (a: Account) => boolean;
}) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const act = useMutation({
    mutationFn: ({ a, action }: { a: Account; action: 'reset-password' | 'disable' | 'enable' | 'unlock' }) =>
      api.post<{ issuedPassword?: string }>(`${actionBase}/${a.id}/${action}`),
    onSuccess: async (r, { a, action }) => {
      await qc.invalidateQueries({ queryKey: listKey });
      if (action === 'reset-password' && r.issuedPassword) setIssued({ username: a.username, password: r.issuedPassword });
      else message.success({ disable: '账户已停用', enable: '账户已启用', unlock: '已解除锁定', 'reset-password': '密码已重置' }[action]);
    },
    onError: (e) => message.error(e.message),
  });
  const run = (a: Account, action: 'reset-password' | 'disable' | 'enable' | 'unlock') => act.mutateAsync({ a, action }).catch(() => undefined);

  return (
    <>
      <Table<Account>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名/称呼', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'roleName' },
          ...(extraColumns ?? []),
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, a) => (
              <Space size={4} wrap>
                {a.disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>}
                {a.locked && (
                  <Tag color="red" title="登录失败次数过多，部分来源需等待后才能再试；已登录过的设备不受影响">
                    登录受限
                  </Tag>
                )}
                {a.mustChangePassword && <Tag color="orange">待修改初始密码</Tag>}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => v?.slice(0, 10) },
          {
            title: '操作',
            key: 'ops',
            render: (_: unknown, a) =>
              manageable(a) && (
                <Space size={0} wrap>
                  <Popconfirm title={`为 ${a.username} 签发新的临时密码？`} description="原密码立即失效。" onConfirm={() => run(a, 'reset-password')}>
                    <Button type="link" size="small">
                      重置密码
                    </Button>
                  </Popconfirm>
                  {a.disabled ? (
                    <Button type="link" size="small" onClick={() => run(a, 'enable')}>
                      启用
                    </Button>
                  ) : (
                    <Popconfirm title={`停用账户 ${a.username}？`} description="停用后该账户立即退出且不能登录。" onConfirm={() => run(a, 'disable')}>
                      <Button type="link" size="small" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  )}
                  {a.locked && (
                    <Button type="link" size="small" onClick={() => run(a, 'unlock')}>
                      解除登录限制
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <IssuedPasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
