import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Input, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import type { TabProps } from './types.js';
import { useMeetingPart } from './queries.js';
import type { Wire } from '../../../domain/schemas/responses.js';
import type { ReplyList } from '../../../domain/schemas/notices.js';

type Replies = Wire<typeof ReplyList>;

const REPLY = {
  confirmed: <Tag color="green">确认参会</Tag>,
  leave: <Tag color="orange">请假</Tag>,
  pending: <Tag>未回复</Tag>,
};

/** 通知与回执: who confirmed, who asked for leave and why, who has not answered. */
export function NoticeTab({ tid, meeting: m }: TabProps) {
  const q = useMeetingPart<Replies>(tid, m.id, 'replies', '/replies', !!m.notifiedAt);
  const [filter, setFilter] = useState<'all' | 'confirmed' | 'leave' | 'pending'>('all');
  const [search, setSearch] = useState('');
  const rows = useMemo(
    () => (q.data?.items ?? []).filter((r) => (filter === 'all' || r.reply === filter) && (!search || r.name.includes(search.trim()))),
    [q.data, filter, search],
  );

  if (!m.notifiedAt) return <Empty description="会议通知尚未发出。请在“概况”中发出会议通知，代表即可在手机上确认参会或请假。" />;
  const c = q.data?.counts;
  return (
    <>
      {q.data?.noticeLateReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`通知逾期发出，原因：${q.data.noticeLateReason}`} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="应到会代表" value={c?.due ?? '—'} suffix="人" />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="确认参会" value={c?.confirmed ?? '—'} suffix="人" styles={{ content: { color: '#389e0d' } }} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="请假" value={c?.leave ?? '—'} suffix="人" styles={{ content: { color: '#d46b08' } }} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title="未回复" value={c?.pending ?? '—'} suffix="人" />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title="短信通知（已发送 / 待发送 / 失败）"
              value={q.data ? `${q.data.sms.sent} / ${q.data.sms.pending} / ${q.data.sms.failed}` : '—'}
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <div style={{ display: 'flex', gap: 12, marginBottom: 12, flexWrap: 'wrap' }}>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'confirmed', label: '确认参会' },
              { value: 'leave', label: '请假' },
              { value: 'pending', label: '未回复' },
            ]}
          />
          <Input.Search allowClear placeholder="按姓名查找" style={{ width: 220 }} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <Table
          rowKey="delegateId"
          size="small"
          loading={q.isPending}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '回复', dataIndex: 'reply', width: 110, render: (r: keyof typeof REPLY) => REPLY[r] },
            { title: '请假理由', dataIndex: 'leaveReason', render: (t: string | null) => t ?? <Typography.Text type="secondary">—</Typography.Text> },
            { title: '回复时间', dataIndex: 'repliedAt', width: 180, render: (t: string | null) => (t ? new Date(t).toLocaleString('zh-CN') : '—') },
          ]}
        />
      </Card>
    </>
  );
}
