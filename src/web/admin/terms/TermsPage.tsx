import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, InputNumber, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { TermBody } from '../../../domain/schemas/terms.js';
import { api } from '../../shared/api.js';
import type { Term } from '../../shared/types.js';
import { zodFieldErrors } from '../../shared/validation.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys } from '../roster/queries.js';

interface Values {
  number?: number;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  isCurrent?: boolean;
}

export function TermsPage() {
  const { tid, canManage } = useTownship();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Term | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const terms = useQuery({ queryKey: keys.terms(tid), queryFn: () => api.get<{ items: Term[] }>(`${base(tid)}/terms`).then((r) => r.items) });

  const save = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: unknown }) =>
      id ? api.put<Term>(`${base(tid)}/terms/${id}`, body) : api.post<Term>(`${base(tid)}/terms`, body),
    onSuccess: async () => {
      // The current term decides which delegates every roster screen shows.
      await qc.invalidateQueries({ queryKey: keys.township(tid) });
      message.success('届次已保存');
      setEditing(null);
    },
    onError: (e) => message.error(e.message),
  });

  const open = (t: Term | 'new') => {
    save.reset();
    setEditing(t);
    const highest = Math.max(0, ...(terms.data ?? []).map((x) => x.number));
    form.setFieldsValue(
      t === 'new'
        ? { number: highest + 1, startsOn: undefined, endsOn: undefined, isCurrent: highest === 0 }
        : { number: t.number, startsOn: dayjs(t.startsOn), endsOn: dayjs(t.endsOn), isCurrent: t.isCurrent },
    );
  };

  const submit = async () => {
    const v = await form.validateFields();
    const body = { number: v.number, startsOn: v.startsOn?.format('YYYY-MM-DD'), endsOn: v.endsOn?.format('YYYY-MM-DD'), isCurrent: !!v.isCurrent };
    const parsed = TermBody.safeParse(body);
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error.issues) as never);
      return;
    }
    save.mutate({ id: editing === 'new' ? undefined : editing?.id, body: parsed.data });
  };

  const setCurrent = (t: Term) => save.mutate({ id: t.id, body: { number: t.number, startsOn: t.startsOn, endsOn: t.endsOn, isCurrent: true } });

  return (
    <>
      <PageHeader
        title="届次"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              新建届次
            </Button>
          )
        }
      />
      {terms.error && <QueryError error={terms.error} retry={() => terms.refetch()} />}
      {terms.isSuccess && terms.data.length === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="尚未设置届次。新增代表、导入名册前，请先新建当前届次。" />
      )}
      <Card>
        <Table<Term>
          rowKey="id"
          loading={terms.isPending}
          dataSource={terms.data}
          pagination={false}
          columns={[
            { title: '届次', dataIndex: 'number', render: (n: number) => `第${n}届` },
            { title: '任期开始', dataIndex: 'startsOn' },
            { title: '任期结束', dataIndex: 'endsOn' },
            { title: '状态', dataIndex: 'isCurrent', render: (c: boolean) => (c ? <Tag color="red">当前届次</Tag> : null) },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    render: (_: unknown, t: Term) => (
                      <Space>
                        <Button type="link" size="small" onClick={() => open(t)}>
                          编辑
                        </Button>
                        {!t.isCurrent && (
                          <Popconfirm title={`将第${t.number}届设为当前届次？`} description="名册、小组等将显示该届的代表。" onConfirm={() => setCurrent(t)}>
                            <Button type="link" size="small">
                              设为当前
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新建届次' : '编辑届次'}
        onOk={submit}
        onCancel={() => setEditing(null)}
        confirmLoading={save.isPending}
        okText="保存"
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="number" label="届次（第几届）" rules={[{ required: true, message: '请填写届次' }]}>
            <InputNumber min={1} max={99} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Space size="large" wrap>
            <Form.Item name="startsOn" label="任期开始" rules={[{ required: true, message: '请选择开始日期' }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="endsOn" label="任期结束" rules={[{ required: true, message: '请选择结束日期' }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="isCurrent" valuePropName="checked">
            <Checkbox>设为当前届次</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
