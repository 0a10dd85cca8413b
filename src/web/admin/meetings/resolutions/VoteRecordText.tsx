import { Space, Tag, Typography } from 'antd';
import type { VoteRecord } from '../../../../domain/meeting/resolution.js';
import { POLL_METHODS, type PollMethod } from '../../../../domain/meeting/poll.js';

/** 赞成 52 · 反对 3 · 弃权 1（实到 60，须 31 票）通过 — every number, as announced. */
export function VoteRecordText({ v }: { v: VoteRecord }) {
  return (
    <Space size={4} wrap>
      <Tag color={v.passed ? 'green' : 'red'}>{v.passed ? '通过' : '未通过'}</Tag>
      <Typography.Text>
        赞成 {v.yes} · 反对 {v.no} · 弃权 {v.abstain}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        （实到 {v.present}
        {v.due !== null ? `/应到 ${v.due}` : ''}，通过须 {v.requiredYes} 票{v.method ? `，${POLL_METHODS[v.method as PollMethod] ?? v.method}` : ''}）
      </Typography.Text>
    </Space>
  );
}
