import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { AttendanceSummary, QuorumIndicator } from '../types.js';

function Quorum({ label, q, testId }: { label: string; q: QuorumIndicator; testId: string }) {
  return (
    <div data-testid={testId}>
      <Space>
        <Typography.Text strong>{label}</Typography.Text>
        {q.reached ? <Tag color="green">符合法定人数</Tag> : <Tag color="red">不足法定人数</Tag>}
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          须应到会代表{q.rule}，至少 {q.required} 人
        </Typography.Text>
      </div>
    </div>
  );
}

/** 应到 / 实到 / 请假 / 缺席 and both quorum indicators, updated live. */
export function AttendanceCard({ a, hasElection }: { a: AttendanceSummary | undefined; hasElection: boolean }) {
  return (
    <Card title="到会情况" size="small" loading={!a}>
      {a && (
        <>
          <Row gutter={8}>
            <Col span={6}>
              <Statistic title="应到" value={a.due} suffix="人" />
            </Col>
            <Col span={6}>
              <Statistic title="实到" value={a.present} suffix="人" styles={{ content: { color: '#c8161d', fontWeight: 600 } }} data-testid="console-present" />
            </Col>
            <Col span={6}>
              <Statistic title="请假" value={a.onLeave} suffix="人" />
            </Col>
            <Col span={6}>
              <Statistic title="缺席" value={a.absent} suffix="人" />
            </Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col span={hasElection ? 12 : 24}>
              <Quorum label="会议" q={a.quorum.meeting} testId="quorum-meeting" />
            </Col>
            {hasElection && (
              <Col span={12}>
                <Quorum label="选举" q={a.quorum.election} testId="quorum-election" />
              </Col>
            )}
          </Row>
        </>
      )}
    </Card>
  );
}
