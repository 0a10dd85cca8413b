import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DisciplineMembersBody } from '../../../domain/schemas/meetings.js';
import { api } from '../../shared/api.js';
import type { Wire } from '../../../domain/schemas/responses.js';
import type { DisciplineMembers } from '../../../domain/schemas/observers.js';
import { tBase } from './queries.js';

type Members = Wire<typeof DisciplineMembers>['members'];

/** 纪委委员名单: the township's discipline-commission members, who observe every meeting by default. */
export function DisciplineMembersModal({ tid, open, onClose }: { tid: string; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ members: Members }>();
  const key = ['disciplineMembers', tid];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Wire<typeof DisciplineMembers>>(`${tBase(tid)}/settings/discipline-commission-members`), enabled: open });
  useEffect(() => {
    if (q.data && open) form.setFieldsValue({ members: q.data.members });
  }, [q.data, open, form]);
  const save = useMutation({
    mutationFn: (body: unknown) => api.put(`${tBase(tid)}/settings/discipline-commission-members`, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key });
      message.success('纪委委员名单已保存');
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  const submit = async () => {
    const v = await form.validateFields();
    const parsed = DisciplineMembersBody.safeParse({ members: (v.members ?? []).filter((x) => x?.name?.trim()) });
    if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
    save.mutate(parsed.data);
  };
  return (
    <Modal open={open} title="纪委委员名单" onOk={submit} onCancel={onClose} confirmLoading={save.isPending} forceRender width={560}>
      <Typography.Paragraph type="secondary">发出会议通知时，名单中的纪委委员自动列为列席人员。</Typography.Paragraph>
      <Form form={form}>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                    <Input placeholder="姓名" maxLength={40} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'organisation']}>
                    <Input placeholder="单位及职务" maxLength={120} style={{ width: 300 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ name: '', organisation: '' })}>
                增加一人
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
