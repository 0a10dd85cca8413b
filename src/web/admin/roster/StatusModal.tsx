import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { StatusChangeBody } from '../../../domain/schemas/roster.js';
import { checkStatusChange, DELEGATE_STATUSES, type StatusReason } from '../../../domain/roster/status.js';
import { api } from '../../shared/api.js';
import { STATUS_COLORS } from '../../shared/labels.js';
import type { DelegateSummary } from '../../shared/types.js';
import { zodFieldErrors } from '../../shared/validation.js';
import { base, keys, useRosterOptions } from './queries.js';

interface Values {
  reason?: string;
  decidedBy?: string;
  decidedOn?: Dayjs;
  filedWithCountyOn?: Dayjs;
  note?: string;
}

const iso = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);

export function StatusModal({ tid, delegate, onClose }: { tid: string; delegate: DelegateSummary; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const options = useRosterOptions(tid);
  const reason = Form.useWatch('reason', form);
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<DelegateSummary>(`${base(tid)}/delegates/${delegate.id}/status`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: keys.township(tid) });
      message.success('状态已变更');
      onClose();
    },
  });

  // Only reasons the status rules allow from the delegate's current status.
  const reasons = (options.data?.statusReasons ?? []).filter((r) => !checkStatusChange(delegate.status, r.id as StatusReason));
  const target = reasons.find((r) => r.id === reason)?.to;

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      reason: v.reason,
      decidedBy: v.decidedBy,
      decidedOn: iso(v.decidedOn),
      filedWithCountyOn: iso(v.filedWithCountyOn) ?? null,
      note: v.note || null,
    };
    const parsed = StatusChangeBody.safeParse(body);
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error.issues) as never);
      return;
    }
    save.mutate(parsed.data);
  };

  return (
    <Modal
      open
      title={`变更状态：${delegate.name}`}
      okText="确认变更"
      onOk={submit}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ decidedOn: dayjs() }}>
        <Form.Item label="当前状态">
          <Tag color={STATUS_COLORS[delegate.status]}>{DELEGATE_STATUSES[delegate.status]}</Tag>
          {target && (
            <Space>
              →<Tag color={STATUS_COLORS[target]}>{DELEGATE_STATUSES[target]}</Tag>
            </Space>
          )}
        </Form.Item>
        <Form.Item name="reason" label="变更原因" rules={[{ required: true, message: '请选择状态变更原因' }]}>
          <Select
            placeholder="请选择"
            loading={options.isPending}
            options={reasons.map((r) => ({ value: r.id, label: `${r.label}（${DELEGATE_STATUSES[r.to]}）` }))}
          />
        </Form.Item>
        <Form.Item name="decidedBy" label="决定机关" rules={[{ required: true, whitespace: true, message: '请填写决定机关' }]}>
          <Input placeholder="如：中共××镇委员会" maxLength={80} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true, message: '请选择决定日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="filedWithCountyOn" label="报县备案日期">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
