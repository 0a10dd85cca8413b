import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ROLES } from '../../../domain/accounts/roles.js';
import { TOWNSHIP_ACCOUNT_ROLES, TownshipAccountBody } from '../../../domain/schemas/accounts.js';
import { api, qs } from '../../shared/api.js';
import type { Account, DelegateSummary, Paged } from '../../shared/types.js';
import { zodFieldErrors } from '../../shared/validation.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys } from '../roster/queries.js';
import { AccountTable, IssuedPasswordModal } from './AccountTable.js';
import { AccountNameFields } from './AccountNameFields.js';

interface Values {
  username?: string;
  displayName?: string;
  role?: string;
  delegateId?: string;
}

export function AccountsPage() {
  const { tid, canManage } = useTownship();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<{ text: string; role?: string }>({ text: '' });
  const [filterInput, setFilterInput] = useState('');
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const accounts = useQuery({
    queryKey: keys.accounts(tid),
    queryFn: () => api.get<{ items: Account[] }>(`${base(tid)}/accounts`).then((r) => r.items),
  });
  const delegates = useQuery({
    queryKey: keys.delegates(tid, { q: search, pageSize: 50 }),
    queryFn: () => api.get<Paged<DelegateSummary>>(`${base(tid)}/delegates${qs({ q: search, pageSize: 50 })}`).then((r) => r.items),
    enabled: open && role === 'delegate',
  });
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<{ account: Account; issuedPassword: string }>(`${base(tid)}/accounts`, body),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: keys.accounts(tid) });
      setOpen(false);
      form.resetFields();
      setIssued({ username: r.account.username, password: r.issuedPassword });
      // Show the new account in the list rather than somewhere on page six.
      setFilter({ text: r.account.username });
      setFilterInput(r.account.username);
    },
  });

  const submit = async () => {
    const v = await form.validateFields();
    const parsed = TownshipAccountBody.safeParse({ ...v, delegateId: v.role === 'delegate' ? v.delegateId : null });
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error.issues) as never);
      return;
    }
    create.mutate(parsed.data);
  };

  if (!canManage) return <Alert type="warning" showIcon title="只有乡镇党委组织委员可以管理本乡镇账户" />;
  const linked = new Set((accounts.data ?? []).map((a) => a.delegateId).filter(Boolean));
  const shown = (accounts.data ?? []).filter(
    (a) => (!filter.role || a.role === filter.role) && (!filter.text || a.username.includes(filter.text) || a.displayName.includes(filter.text)),
  );

  return (
    <>
      <PageHeader
        title="账户管理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => (create.reset(), setOpen(true))}>
            新建账户
          </Button>
        }
      />
      {accounts.error && <QueryError error={accounts.error} retry={() => accounts.refetch()} />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="用户名或姓名"
            style={{ width: 220 }}
            value={filterInput}
            onChange={(e) => setFilterInput(e.target.value)}
            onSearch={(text) => setFilter((f) => ({ ...f, text: text.trim() }))}
          />
          <Select
            allowClear
            placeholder="全部角色"
            style={{ width: 180 }}
            value={filter.role}
            onChange={(role) => setFilter((f) => ({ ...f, role }))}
            options={TOWNSHIP_ACCOUNT_ROLES.map((r) => ({ value: r, label: ROLES[r] }))}
          />
        </Space>
        <AccountTable items={shown} loading={accounts.isPending} actionBase={`${base(tid)}/accounts`} listKey={keys.accounts(tid)} />
      </Card>
      <Modal open={open} title="新建账户" okText="创建" onOk={submit} onCancel={() => setOpen(false)} confirmLoading={create.isPending} forceRender>
        {create.error && <Alert type="error" showIcon title={create.error.message} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical">
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={TOWNSHIP_ACCOUNT_ROLES.map((r) => ({ value: r, label: ROLES[r] }))} />
          </Form.Item>
          {role === 'delegate' && (
            <Form.Item name="delegateId" label="关联代表" rules={[{ required: true, message: '党代表账户须关联一名代表' }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                placeholder="输入姓名搜索"
                loading={delegates.isFetching}
                onChange={(id) => {
                  const d = delegates.data?.find((x) => x.id === id);
                  if (d && !form.getFieldValue('displayName')) form.setFieldValue('displayName', d.name);
                }}
                options={delegates.data?.map((d) => ({
                  value: d.id,
                  label: `${d.name}${d.electoralUnit ? `（${d.electoralUnit.name}）` : ''}${linked.has(d.id) ? ' · 已有账户' : ''}`,
                  disabled: linked.has(d.id),
                }))}
              />
            </Form.Item>
          )}
          <AccountNameFields />
        </Form>
      </Modal>
      <IssuedPasswordModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
