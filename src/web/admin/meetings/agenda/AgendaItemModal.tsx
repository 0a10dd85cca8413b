import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { AGENDA_ITEM_TYPES } from '../../../../domain/meeting/agenda-templates.js';
import { AgendaItemBody } from '../../../../domain/schemas/meetings.js';
import { api } from '../../../shared/api.js';
import { mBase, meetingKeys } from '../queries.js';
import type { AgendaItem } from './types.js';

/** 增加 / 修改议程. */
export function AgendaItemModal({ tid, meetingId, item, onClose }: { tid: string; meetingId: string; item: AgendaItem | 'new' | null; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  useEffect(() => {
    if (!item) return;
    form.resetFields();
    if (item !== 'new') form.setFieldsValue({ ...item, presenter: item.presenter ?? '', notes: item.notes ?? '' });
  }, [item, form]);
  const save = useMutation({
    mutationFn: (body: unknown) => (item === 'new' ? api.post(`${mBase(tid, meetingId)}/agenda`, body) : api.put(`${mBase(tid, meetingId)}/agenda/${(item as AgendaItem).id}`, body)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, meetingId) });
      message.success('议程已保存');
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  const submit = async () => {
    const v = await form.validateFields();
    const parsed = AgendaItemBody.safeParse({ ...v, presenter: v.presenter || null, notes: v.notes || null, ...(item !== 'new' && item ? { position: item.position } : {}) });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    save.mutate(parsed.data);
  };
  return (
    <Modal open={!!item} title={item === 'new' ? '增加议程' : '修改议程'} onOk={submit} onCancel={onClose} confirmLoading={save.isPending} forceRender width={600}>
      <Form form={form} layout="vertical" initialValues={{ type: 'report', plenary: true, groupSession: false }}>
        <Form.Item name="title" label="议程名称" rules={[{ required: true, message: '请填写议程名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="type" label="类型">
            <Select style={{ width: 160 }} options={Object.entries(AGENDA_ITEM_TYPES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="presenter" label="报告人或主持人">
            <Input maxLength={80} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Space size="large">
          <Form.Item name="plenary" valuePropName="checked">
            <Checkbox>全体会议</Checkbox>
          </Form.Item>
          <Form.Item name="groupSession" valuePropName="checked">
            <Checkbox>分团讨论</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="notes" label="备注">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
