import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Popconfirm, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { checkShowOfHands } from '../../../../domain/meeting/poll.js';
import { TallyBody } from '../../../../domain/schemas/polls.js';
import { api } from '../../../shared/api.js';
import { meetingKeys, tBase } from '../queries.js';
import type { AttendanceSummary, MeetingDetail } from '../types.js';
import { openRefusal } from './console-rules.js';
import type { PollView } from './types.js';

const STATUS_COLORS: Record<string, string> = { draft: 'default', open: 'processing', closed: 'success' };

export function PollItem({ tid, meeting: m, poll: p, attendance, otherOpen, canManage }: {
  tid: string;
  meeting: MeetingDetail;
  poll: PollView;
  attendance: AttendanceSummary | undefined;
  otherOpen: boolean;
  canManage: boolean;
}) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [counts, setCounts] = useState({ yes: p.enteredCounts?.yes ?? 0, no: p.enteredCounts?.no ?? 0, abstain: p.enteredCounts?.abstain ?? 0 });
  const act = useMutation({
    mutationFn: ({ action, body }: { action: 'open' | 'close' | 'tally' | 'delete'; body?: unknown }) =>
      action === 'delete' ? api.delete(`${tBase(tid)}/polls/${p.id}`) : api.post<PollView>(`${tBase(tid)}/polls/${p.id}/${action}`, body ?? {}),
    onSuccess: async (_r, { action }) => {
      await qc.invalidateQueries({ queryKey: meetingKeys.part(tid, m.id, 'polls') });
      message.success({ open: '表决已开始', close: '表决已结束', tally: '票数已录入', delete: '表决事项已删除' }[action]);
    },
    onError: (e) => message.error(e.message),
  });

  const refusal = p.status === 'draft' ? openRefusal(m.status, attendance, p.quorumKind === 'election' ? 'election' : 'meeting', otherOpen) : null;
  const present = p.presentSnapshot ?? 0;
  const tallyProblem = p.method === 'showOfHands' ? checkShowOfHands(counts, present) : null;
  const r = p.result;

  return (
    <Card size="small" data-testid={`poll-${p.status}`} styles={{ body: { padding: 12 } }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <Typography.Text strong>{p.title}</Typography.Text>
          <div>
            <Tag>{p.methodLabel}</Tag>
            <Tag color={STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>
            {p.quorumKind === 'election' && <Tag color="purple">选举法定人数</Tag>}
          </div>
        </div>
        {canManage && p.status === 'draft' && (
          <Space>
            <Tooltip title={refusal}>
              <Button type="primary" disabled={!!refusal} loading={act.isPending} onClick={() => act.mutate({ action: 'open' })}>
                开始表决
              </Button>
            </Tooltip>
            <Popconfirm title="删除此表决事项？" onConfirm={() => act.mutate({ action: 'delete' })}>
              <Button danger type="text">
                删除
              </Button>
            </Popconfirm>
          </Space>
        )}
        {canManage && p.status === 'open' && (
          <Popconfirm
            title="结束表决？"
            description={p.method === 'showOfHands' ? '将以已录入的票数作为最终结果。' : '未投票的代表计为未投，结果不可更改。'}
            onConfirm={() => act.mutate({ action: 'close' })}
          >
            <Button danger type="primary" loading={act.isPending}>
              结束表决
            </Button>
          </Popconfirm>
        )}
      </Space>
      {refusal && p.status === 'draft' && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>{refusal}</Typography.Text>}
      {p.status === 'open' && p.voted !== null && (
        <div style={{ marginTop: 8 }} data-testid="poll-progress">
          <Typography.Text>
            已投 <b>{p.voted}</b> / 应投 {present} 人
          </Typography.Text>
          <Progress percent={present ? Math.round((p.voted / present) * 100) : 0} />
        </div>
      )}
      {p.status === 'open' && p.method === 'showOfHands' && canManage && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">表决开始时实到会代表 {present} 人。请录入举手结果：</Typography.Text>
          <Space wrap style={{ marginTop: 6 }}>
            {(['yes', 'no', 'abstain'] as const).map((k) => (
              <InputNumber
                key={k}
                min={0}
                max={present}
                precision={0}
                prefix={{ yes: '赞成', no: '反对', abstain: '弃权' }[k]}
                value={counts[k]}
                onChange={(v) => setCounts((c) => ({ ...c, [k]: v ?? 0 }))}
                style={{ width: 130 }}
              />
            ))}
            <Button disabled={!!tallyProblem} onClick={() => act.mutate({ action: 'tally', body: TallyBody.parse(counts) })}>
              录入
            </Button>
          </Space>
          {tallyProblem && <Alert style={{ marginTop: 6 }} type="error" showIcon title={tallyProblem} />}
          {p.enteredCounts && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
              已录入：赞成 {p.enteredCounts.yes}，反对 {p.enteredCounts.no}，弃权 {p.enteredCounts.abstain}
            </Typography.Text>
          )}
        </div>
      )}
      {r && (
        <div style={{ marginTop: 8 }} data-testid="poll-result">
          <Space wrap size="large">
            <Tag color={r.passed ? 'green' : 'red'} style={{ fontSize: 16, padding: '4px 12px' }}>
              {r.passed ? '通过' : '未通过'}
            </Tag>
            <span>赞成 <b>{r.yes}</b></span>
            <span>反对 <b>{r.no}</b></span>
            <span>弃权 <b>{r.abstain}</b></span>
            <span>未投 <b>{r.notVoted}</b></span>
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            应到 {r.dueSnapshot} 人，实到 {r.presentSnapshot} 人；{r.rule}，须 {r.requiredYes} 票
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
