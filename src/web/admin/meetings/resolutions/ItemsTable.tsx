import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Progress, Slider, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ItemBody, ProgressBody } from '../../../../domain/schemas/resolutions.js';
import { api } from '../../../shared/api.js';
import type { ImplementationItem, ResolutionDetail } from './types.js';

const STATUS_COLORS = { notStarted: 'default', inProgress: 'blue', done: 'green', overdue: 'red' } as const;

interface ItemValues {
  title: string;
  ownerName?: string;
  ownerUnit?: string;
  dueOn?: Dayjs;
  notes?: string;
}

/** 落实事项: who carries out what by when, and the progress reported since. */
export function ItemsTable({ tid, resolution: r, canManage, onChanged }: { tid: string; resolution: ResolutionDetail; canManage: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState<ImplementationItem | null>(null);
  const [itemForm] = Form.useForm<ItemValues>();
  const [progressForm] = Form.useForm<{ progress: number; note?: string }>();

  const add = useMutation({
    mutationFn: (body: unknown) => api.post(`/api/townships/${tid}/resolutions/${r.id}/items`, body),
    onSuccess: () => {
      message.success('落实事项已添加');
      setAdding(false);
      itemForm.resetFields();
      onChanged();
    },
    onError: (e) => message.error(e.message),
  });
  const report = useMutation({
    mutationFn: ({ id, body }: { id: string; body: unknown }) => api.post(`/api/townships/${tid}/implementation-items/${id}/progress`, body),
    onSuccess: () => {
      message.success('进展已记录');
      setReporting(null);
      onChanged();
    },
    onError: (e) => message.error(e.message),
  });

  const submitItem = async () => {
    const v = await itemForm.validateFields();
    const parsed = ItemBody.safeParse({ ...v, dueOn: v.dueOn?.format('YYYY-MM-DD') ?? null });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    add.mutate(parsed.data);
  };
  const submitProgress = async () => {
    const v = await progressForm.validateFields();
    const parsed = ProgressBody.safeParse(v);
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    report.mutate({ id: reporting!.id, body: parsed.data });
  };

  return (
    <>
      <Space style={{ marginTop: 24, marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          落实事项
        </Typography.Title>
        {canManage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加落实事项
          </Button>
        )}
      </Space>
      <Table<ImplementationItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.items}
        locale={{ emptyText: '尚未分解落实事项' }}
        expandable={{
          rowExpandable: (i) => !!i.updates?.length,
          expandedRowRender: (i) => (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {i.updates!.map((u) => (
                <li key={u.id}>
                  {new Date(u.at).toLocaleDateString('zh-CN')} 进度 {u.progress}%{u.note ? `：${u.note}` : ''}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: '事项', dataIndex: 'title' },
          { title: '责任人/单位', key: 'owner', render: (_: unknown, i) => [i.ownerName, i.ownerUnit].filter(Boolean).join(' / ') || '—' },
          { title: '完成时限', dataIndex: 'dueOn', render: (d: string | null, i) => (d ? <span>{d}{i.overdue && <Tag color="red" style={{ marginLeft: 4 }}>逾期 {i.daysOverdue} 天</Tag>}</span> : '—') },
          { title: '进度', dataIndex: 'progress', width: 140, render: (p: number, i) => <Progress percent={p} size="small" status={i.overdue ? 'exception' : p >= 100 ? 'success' : 'active'} /> },
          { title: '状态', dataIndex: 'status', render: (s: ImplementationItem['status'], i) => <Tag color={STATUS_COLORS[s]}>{i.statusLabel}</Tag> },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  render: (_: unknown, i: ImplementationItem) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        progressForm.setFieldsValue({ progress: i.progress, note: '' });
                        setReporting(i);
                      }}
                    >
                      报告进展
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={adding} title="添加落实事项" onOk={submitItem} onCancel={() => setAdding(false)} confirmLoading={add.isPending} forceRender>
        <Form form={itemForm} layout="vertical">
          <Form.Item name="title" label="落实事项" rules={[{ required: true, message: '请填写落实事项' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space>
            <Form.Item name="ownerName" label="责任人">
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="ownerUnit" label="承办单位">
              <Input maxLength={100} />
            </Form.Item>
          </Space>
          <Form.Item name="dueOn" label="完成时限">
            <DatePicker />
          </Form.Item>
          <Form.Item name="notes" label="备注">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!reporting} title={`报告进展：${reporting?.title ?? ''}`} onOk={submitProgress} onCancel={() => setReporting(null)} confirmLoading={report.isPending} forceRender>
        <Form form={progressForm} layout="vertical">
          <Form.Item label="完成进度（%）">
            <Space style={{ width: '100%' }}>
              <Form.Item name="progress" noStyle>
                <Slider style={{ width: 280 }} min={0} max={100} step={5} />
              </Form.Item>
              <Form.Item name="progress" noStyle>
                <InputNumber min={0} max={100} precision={0} suffix="%" />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="note" label="进展情况">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
