import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Empty, Input, Modal, Popconfirm, Select, Space, Tag, Timeline, Typography } from 'antd';
import { UrgentChangeBody } from '../../../../domain/schemas/resolutions.js';
import { api } from '../../../shared/api.js';
import { meetingKeys } from '../queries.js';
import type { PollView } from '../console/types.js';
import { ItemsTable } from './ItemsTable.js';
import { VoteRecordText } from './VoteRecordText.js';
import type { ResolutionDetail } from './types.js';

interface Props {
  tid: string;
  meetingId: string;
  id: string | null;
  onClose: () => void;
  canManage: boolean;
  closedPolls: PollView[];
}

/** One resolution: text, vote record, decision on a poll, implementation items, urgent change. */
export function ResolutionDrawer({ tid, meetingId, id, onClose, canManage, closedPolls }: Props) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [pollId, setPollId] = useState<string>();
  const [change, setChange] = useState<{ reason: string; after: string } | null>(null);
  const url = `/api/townships/${tid}/resolutions/${id}`;
  const key = meetingKeys.part(tid, meetingId, 'resolutions', id);
  const q = useQuery({ queryKey: key, queryFn: () => api.get<ResolutionDetail>(url), enabled: !!id });

  const refresh = () => qc.invalidateQueries({ queryKey: meetingKeys.part(tid, meetingId, 'resolutions') });
  const decide = useMutation({
    mutationFn: (outcome: 'adopt' | 'reject') => api.post<ResolutionDetail>(`${url}/${outcome}`, { pollId }),
    onSuccess: async (r) => {
      await refresh();
      message.success(r.status === 'adopted' ? `第${r.number}号决议已通过` : `已记录第${r.number}号决议未通过`);
    },
    onError: (e) => message.error(e.message),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(url),
    onSuccess: async () => {
      onClose();
      await refresh();
      message.success('决议草案已删除');
    },
    onError: (e) => message.error(e.message),
  });
  const urgent = useMutation({
    mutationFn: (body: unknown) => api.post<{ notified: number; sms: number }>(`${url}/urgent-change`, body),
    onSuccess: async (r) => {
      await refresh();
      setChange(null);
      message.success(`已变更决议并通知全体代表（${r.notified} 人）`);
    },
    onError: (e) => message.error(e.message),
  });

  const r = q.data;
  const poll = closedPolls.find((p) => p.id === pollId);
  return (
    <Drawer open={!!id} onClose={onClose} size={720} title={r ? `第${r.number}号决议` : '决议'} loading={q.isPending}>
      {r && (
        <>
          <Typography.Title level={5}>{r.title}</Typography.Title>
          <Space style={{ marginBottom: 12 }}>
            <Tag>{r.statusLabel}</Tag>
            <Tag color={r.importance === 'important' ? 'gold' : undefined}>{r.importanceLabel}</Tag>
          </Space>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6 }}>{r.body}</Typography.Paragraph>
          {r.voteRecord && (
            <Descriptions column={1} size="small" items={[{ key: 'v', label: '表决结果', children: <VoteRecordText v={r.voteRecord} /> }]} />
          )}
          {r.status === 'draft' && canManage && (
            <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
              <Typography.Text strong>依据表决结果作出决定</Typography.Text>
              <Select
                style={{ width: '100%' }}
                placeholder={closedPolls.length ? '选择已结束的表决' : '暂无已结束的表决，请先在“会场”进行表决'}
                value={pollId}
                onChange={setPollId}
                options={closedPolls.map((p) => ({ value: p.id, label: `${p.title}（${p.result!.passed ? '通过' : '未通过'}）` }))}
              />
              <Space>
                <Button type="primary" disabled={!poll?.result?.passed} loading={decide.isPending} onClick={() => decide.mutate('adopt')}>
                  通过决议
                </Button>
                <Button disabled={!poll || poll.result?.passed} onClick={() => decide.mutate('reject')}>
                  记录未通过
                </Button>
                <Popconfirm title="删除此决议草案？" onConfirm={() => remove.mutate()}>
                  <Button danger>删除草案</Button>
                </Popconfirm>
              </Space>
            </Space>
          )}
          {r.status === 'adopted' && (
            <>
              {r.missingDistributions.length > 0 && (
                <Alert style={{ marginTop: 12 }} type="warning" showIcon title={`重要决议尚未书面印发：${r.missingDistributions.map((d) => d.label).join('、')}`} />
              )}
              <ItemsTable tid={tid} resolution={r} canManage={canManage} onChanged={() => q.refetch().then(refresh)} />
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                变更记录
              </Typography.Title>
              {r.changes.length ? (
                <Timeline
                  items={r.changes.map((c) => ({
                    key: c.id,
                    content: (
                      <>
                        <Tag color="orange">{c.kindLabel}</Tag> {c.decidedOn}
                        <div>理由：{c.reason}</div>
                        {c.notifiedCount !== null && <Typography.Text type="secondary">已通知 {c.notifiedCount} 名代表</Typography.Text>}
                      </>
                    ),
                  }))}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未变更" />
              )}
              {canManage && (
                <Button danger onClick={() => setChange({ reason: '', after: r.body })}>
                  紧急变更
                </Button>
              )}
            </>
          )}
        </>
      )}
      <Modal
        open={!!change}
        title="决议紧急变更"
        width={640}
        okText="变更并通知全体代表"
        confirmLoading={urgent.isPending}
        onCancel={() => setChange(null)}
        onOk={() => {
          const parsed = UrgentChangeBody.safeParse(change);
          if (!parsed.success) return message.error(parsed.error.issues[0]!.message);
          urgent.mutate(parsed.data);
        }}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="决议非经大会不得变更；紧急情况下变更的，须向全体代表通报变更内容和理由。" />
        <Typography.Text>变更理由</Typography.Text>
        <Input.TextArea rows={3} value={change?.reason} onChange={(e) => setChange((c) => c && { ...c, reason: e.target.value })} style={{ marginBottom: 12 }} />
        <Typography.Text>变更后的决议正文</Typography.Text>
        <Input.TextArea rows={8} value={change?.after} onChange={(e) => setChange((c) => c && { ...c, after: e.target.value })} />
      </Modal>
    </Drawer>
  );
}
