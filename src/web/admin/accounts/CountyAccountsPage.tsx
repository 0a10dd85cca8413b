import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Modal, Segmented, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROLES } from '../../../domain/accounts/roles.js';
import { COUNTY_ACCOUNT_ROLES, CountyAccountBody } from '../../../domain/schemas/accounts.js';
import { api, qs } from '../../shared/api.js';
import { useMe } from '../../shared/session.js';
import type { Account } from '../../shared/types.js';
import { zodFieldErrors } from '../../shared/validation.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { AccountTable, IssuedPasswordModal } from './AccountTable.js';
import { AccountNameFields } from './AccountNameFields.js';

interface Values {
  username?: string;
  displayName?: string;
  role?: string;
  townshipId?: string;
}

/** The county's accounts and every township's accounts, for the organization department. */
export function CountyAccountsPage() {
  const me = useMe().data!;
  const qc = useQueryClient();
  const [townshipId, setTownshipId] = useState<string | undefined>();
  // By default the accounts the county manages; every township account on demand.
  const [scope, setScope] = useState<'managed' | 'all'>('managed');
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const listKey = ['county', 'accounts', townshipId ?? 'all'] as const;
  const accounts = useQuery({
    queryKey: listKey,
    queryFn: () => api.get<{ items: Account[] }>(`/api/county/accounts${qs({ townshipId })}`).then((r) => r.items),
  });
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<{ account: Account; issuedPassword: string }>('/api/county/accounts', body),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['county', 'accounts'] });
      setOpen(false);
      form.resetFields();
      setIssued({ username: r.account.username, password: r.issuedPassword });
    },
  });
  const townshipName = new Map(me.townships.map((t) => [t.id, t.name]));
  const managed = (a: Account) => a.role === 'countyAdmin' || a.role === 'townshipAdmin';
  const shown = scope === 'all' ? accounts.data : accounts.data?.filter(managed);

  const submit = async () => {
    const v = await form.validateFields();
    const parsed = CountyAccountBody.safeParse({ ...v, townshipId: v.role === 'townshipAdmin' ? v.townshipId : null });
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error.issues) as never);
      return;
    }
    create.mutate(parsed.data);
  };

  return (
    <>
      <PageHeader
        title="账户管理"
        sub="县委组织部账户与各乡镇账户"
        extra={
          <Space wrap>
            <Segmented
              value={scope}
              onChange={(v) => setScope(v as 'managed' | 'all')}
              options={[
                { value: 'managed', label: '县级与乡镇管理员' },
                { value: 'all', label: '全部账户' },
              ]}
            />
            <Select
              allowClear
              placeholder="全部乡镇"
              style={{ width: 180 }}
              value={townshipId}
              onChange={setTownshipId}
              options={me.townships.map((t) => ({ value: t.id, label: t.name }))}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => (create.reset(), setOpen(true))}>
              新建账户
            </Button>
          </Space>
        }
      />
      {accounts.error && <QueryError error={accounts.error} retry={() => accounts.refetch()} />}
      <Card>
        <AccountTable
          items={shown}
          loading={accounts.isPending}
          actionBase="/api/county/accounts"
          listKey={['county', 'accounts']}
          extraColumns={[
            {
              title: '所属',
              dataIndex: 'townshipId',
              render: (id: string | null, a) => (id ? a.townshipName ?? townshipName.get(id) ?? '' : '县委组织部'),
            },
          ]}
        />
      </Card>
      <Modal open={open} title="新建账户" okText="创建" onOk={submit} onCancel={() => setOpen(false)} confirmLoading={create.isPending} forceRender>
        {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={COUNTY_ACCOUNT_ROLES.map((r) => ({ value: r, label: ROLES[r] }))} />
          </Form.Item>
          {role === 'townshipAdmin' && (
            <Form.Item name="townshipId" label="所属乡镇" rules={[{ required: true, message: '请选择所属乡镇' }]}>
              <Select options={me.townships.map((t) => ({ value: t.id, label: t.name }))} />
            </Form.Item>
          )}
          <AccountNameFields />
        </Form>
      </Modal>
      <IssuedPasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
