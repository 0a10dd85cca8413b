import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Statistic, Table, Tag, Typography } from 'antd';
import { checkActivity } from '../../../domain/meeting/state.js';
import { api } from '../../shared/api.js';
import type { TabProps } from './types.js';
import { mBase, meetingKeys, useMeetingPart } from './queries.js';

interface Report {
  term: { number: number; startsOn: string; endsOn: string };
  since: { date: string; basis: 'previousMeeting' | 'termStart'; previousMeeting: { name: string } | null };
  counts: { total: number; active: number; suspended: number; terminated: number };
  seats: number | null;
  changes: { delegateId: string; name: string; toStatus: string; toStatusLabel: string; reasonLabel: string; note: string | null; decidedBy: string | null; decidedOn: string | null; filedWithCountyOn: string | null }[];
  vacancies: { count: number; delegates: { id: string; name: string; since: string | null }[] };
  due: { basis: 'attendance' | 'activeDelegates'; count: number };
  generatedAt: string;
  adopted: { adoptedAt: string } | null;
}

const STATUS_COLORS: Record<string, string> = { active: 'green', suspended: 'orange', terminated: 'default' };

/** 资格审查: the report generated from the roster, and the meeting's adoption of it. */
export function QualificationTab({ tid, meeting: m, canManage }: TabProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useMeetingPart<Report>(tid, m.id, 'qualification', '/qualification-review');
  const adopt = useMutation({
    mutationFn: () => api.post(`${mBase(tid, m.id)}/qualification-review/adopt`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: meetingKeys.part(tid, m.id, 'qualification') });
      message.success('会议已听取并通过代表资格审查报告');
    },
    onError: (e) => message.error(e.message),
  });
  const r = q.data;
  const blocked = checkActivity(m.status, 'adoptQualificationReview');
  return (
    <Card
      title="代表资格审查报告"
      loading={q.isPending}
      extra={
        r &&
        (r.adopted ? (
          <Tag color="green">已于 {new Date(r.adopted.adoptedAt).toLocaleString('zh-CN')} 通过</Tag>
        ) : (
          canManage && (
            <Popconfirm title="会议听取并通过此报告？" description="通过后报告内容固定，不再随名册变化。" onConfirm={() => adopt.mutate()} disabled={!!blocked}>
              <Button type="primary" disabled={!!blocked} title={blocked ?? undefined}>
                会议通过报告
              </Button>
            </Popconfirm>
          )
        ))
      }
    >
      {r && (
        <>
          {!r.adopted && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`报告根据代表名册生成（${new Date(r.generatedAt).toLocaleString('zh-CN')}），会议通过前会随名册变化。`} />}
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 't', label: '届次', children: `第${r.term.number}届（${r.term.startsOn} 至 ${r.term.endsOn}）` },
              { key: 's', label: '统计起点', children: `${r.since.date}（${r.since.previousMeeting ? `上次会议：${r.since.previousMeeting.name}` : '本届开始'}）` },
            ]}
          />
          <Row gutter={16} style={{ margin: '16px 0' }}>
            <Col span={4}>
              <Statistic title="代表名额" value={r.seats ?? '—'} />
            </Col>
            <Col span={4}>
              <Statistic title="正常履职" value={r.counts.active} suffix="人" />
            </Col>
            <Col span={4}>
              <Statistic title="停止执行职务" value={r.counts.suspended} suffix="人" />
            </Col>
            <Col span={4}>
              <Statistic title="资格终止" value={r.counts.terminated} suffix="人" />
            </Col>
            <Col span={4}>
              <Statistic title="缺额" value={r.vacancies.count} suffix="名" />
            </Col>
            <Col span={4}>
              <Statistic title="应到会代表" value={r.due.count} suffix="人" />
            </Col>
          </Row>
          <Typography.Title level={5}>{r.since.basis === 'previousMeeting' ? '上次会议以来' : '本届以来'}代表资格变动</Typography.Title>
          <Table
            rowKey={(c) => `${c.delegateId}-${c.decidedOn}-${c.toStatus}`}
            size="small"
            pagination={false}
            dataSource={r.changes}
            locale={{ emptyText: '无变动' }}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '变动', dataIndex: 'toStatus', render: (s: string, c) => <Tag color={STATUS_COLORS[s]}>{c.toStatusLabel}</Tag> },
              { title: '原因', dataIndex: 'reasonLabel' },
              { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
              { title: '决定日期', dataIndex: 'decidedOn', render: (d: string | null) => d ?? '—' },
              { title: '报县备案', dataIndex: 'filedWithCountyOn', render: (d: string | null) => d ?? <Tag color="orange">未备案</Tag> },
            ]}
          />
          {r.vacancies.count > 0 && (
            <Typography.Paragraph style={{ marginTop: 16 }}>
              缺额 {r.vacancies.count} 名（{r.vacancies.delegates.map((v) => v.name).join('、')} 的名额），可按规定补选。
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
