import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, Tag, TextArea, Toast } from 'antd-mobile';
import { ReplyBody } from '../../../domain/schemas/meetings.js';
import { api } from '../../shared/api.js';
import { myKeys, type MyMeeting } from './api.js';

/** 确认参会 / 请假 (with a reason), changeable until the delegate is checked in. */
export function ReplySection({ item }: { item: MyMeeting }) {
  const qc = useQueryClient();
  const [askLeave, setAskLeave] = useState(false);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const reply = useMutation({
    mutationFn: (body: unknown) => api.post(`/api/me/meetings/${item.meeting.id}/reply`, body),
    onSuccess: async (_r, body) => {
      await qc.invalidateQueries({ queryKey: myKeys.meetings });
      Toast.show({ icon: 'success', content: (body as { reply: string }).reply === 'leave' ? '已提交请假' : '已确认参会' });
      setAskLeave(false);
      setEditing(false);
    },
    onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
  });

  const submitLeave = () => {
    const parsed = ReplyBody.safeParse({ reply: 'leave', leaveReason: reason });
    if (!parsed.success) {
      Toast.show({ content: parsed.error.issues[0]!.message });
      return;
    }
    reply.mutate(parsed.data);
  };

  const canReply = (item.meeting.status === 'notified' || item.meeting.status === 'inProgress') && !item.checkedInAt;
  const answered = item.reply !== 'pending' && !editing;

  return (
    <List header="参会回执" mode="card" className="m-section">
      {answered ? (
        <List.Item
          extra={canReply && <a onClick={() => setEditing(true)}>修改</a>}
          description={item.reply === 'leave' ? `理由：${item.leaveReason ?? ''}` : undefined}
        >
          {item.reply === 'confirmed' ? (
            <Tag color="success" fill="solid" style={{ fontSize: 15, padding: '4px 10px' }}>
              已确认参会
            </Tag>
          ) : (
            <Tag color="warning" fill="solid" style={{ fontSize: 15, padding: '4px 10px' }}>
              已请假
            </Tag>
          )}
        </List.Item>
      ) : canReply ? (
        <List.Item>
          <div className="m-reply">
            <Button color="primary" size="large" loading={reply.isPending && !askLeave} onClick={() => reply.mutate({ reply: 'confirmed' })}>
              确认参会
            </Button>
            <Button size="large" onClick={() => setAskLeave(true)}>
              请假
            </Button>
          </div>
        </List.Item>
      ) : (
        <List.Item>会议{item.meeting.statusLabel}</List.Item>
      )}
      <Dialog
        visible={askLeave}
        title="请假"
        content={<TextArea placeholder="请写明请假理由" rows={4} maxLength={500} showCount value={reason} onChange={setReason} />}
        closeOnAction={false}
        onClose={() => setAskLeave(false)}
        actions={[
          [
            { key: 'cancel', text: '取消', onClick: () => setAskLeave(false) },
            { key: 'ok', text: '提交请假', bold: true, disabled: !reason.trim() || reply.isPending, onClick: submitLeave },
          ],
        ]}
      />
    </List>
  );
}
