import { meetingDuration } from '../../../domain/meeting/duration.js';
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Input, Modal, Popconfirm, Row, Space, Statistic, Steps, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { describePassRule } from '../../../domain/meeting/pass-rule.js';
import { describeFraction, describePeriod } from '../../../domain/meeting/rules.js';
import { checkTransition, MEETING_STATUS_IDS, TRANSITIONS, type MeetingTransition } from '../../../domain/meeting/state.js';
import { api } from '../../shared/api.js';
import { DeadlineText } from './labels.js';
import { MeetingFormModal } from './MeetingFormModal.js';
import { mBase, meetingKeys } from './queries.js';
import { ScreenLinkCard } from './ScreenLinkCard.js';
import type { TabProps } from './types.js';

const ACTION_PATH: Record<MeetingTransition, string> = { notify: 'notice', open: 'open', close: 'close' };
const ACTION_LABEL: Record<MeetingTransition, string> = { notify: '发出通知', open: '开幕', close: '闭幕' };
const ACTION_CONFIRM: Record<MeetingTransition, string> = {
  notify: '向本届全体正常履职的代表发出会议通知（系统内通知和短信）？纪委委员将自动列为列席人员。',
  open: '宣布开幕？开幕后可以签到、表决；应到会代表名单以此时的名册为准。',
  close: '宣布闭幕？闭幕后不能再签到或表决。',
};

/** 概况: status with the next step of the state machine, deadlines, and where preparation stands. */
export function OverviewTab({ tid, meeting: m, canManage }: TabProps) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [late, setLate] = useState<string | null>(null);

  const act = useMutation({
    mutationFn: ({ action, body }: { action: MeetingTransition; body?: unknown }) => api.post(`${mBase(tid, m.id)}/${ACTION_PATH[action]}`, body ?? {}),
    onSuccess: async (_r, { action }) => {
      await qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, m.id) });
      await qc.invalidateQueries({ queryKey: meetingKeys.list(tid) });
      message.success(action === 'notify' ? '会议通知已发出' : action === 'open' ? '会议已开幕' : '会议已闭幕');
      setLate(null);
    },
    onError: (e) => message.error(e.message),
  });

  const next = (Object.keys(TRANSITIONS) as MeetingTransition[]).filter((a) => TRANSITIONS[a].from === m.status);
  const noticeOverdue = m.status === 'draft' && m.deadlines.notice.passed;
  const c = m.counts;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card title="会议进程">
          <Steps
            current={MEETING_STATUS_IDS.indexOf(m.status)}
            items={[
              { title: '筹备', content: '议题、材料、议程' },
              { title: '发出通知', content: m.notifiedAt ? new Date(m.notifiedAt).toLocaleDateString('zh-CN') : '代表确认参会或请假' },
              { title: '开幕', content: m.openedAt ? new Date(m.openedAt).toLocaleString('zh-CN') : '签到、表决' },
              { title: '闭幕', content: m.closedAt ? new Date(m.closedAt).toLocaleString('zh-CN') : '决议落实' },
            ]}
          />
          {canManage && next.length > 0 && (
            <Space style={{ marginTop: 24 }} wrap>
              {next.map((a) => {
                const why = checkTransition(m.status, a, a === 'notify' ? { dueCount: c.activeDelegates } : {});
                if (a === 'notify' && noticeOverdue)
                  return (
                    <Button key={a} type="primary" size="large" disabled={!!why} onClick={() => setLate('')}>
                      {ACTION_LABEL[a]}（已逾期）
                    </Button>
                  );
                return (
                  <Popconfirm key={a} title={`${TRANSITIONS[a].label}`} description={<div style={{ maxWidth: 320 }}>{ACTION_CONFIRM[a]}</div>} onConfirm={() => act.mutate({ action: a })} okText="确定">
                    <Button type="primary" size="large" danger={a === 'close'} disabled={!!why} loading={act.isPending}>
                      {ACTION_LABEL[a]}
                    </Button>
                  </Popconfirm>
                );
              })}
              {(m.status === 'draft' || m.status === 'notified') && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  修改会议信息
                </Button>
              )}
            </Space>
          )}
          {m.noticeLateReason && <Alert style={{ marginTop: 16 }} type="warning" showIcon title={`会议通知逾期发出，原因：${m.noticeLateReason}`} />}
        </Card>
        <Card title="筹备情况" style={{ marginTop: 16 }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title="正常履职代表" value={c.activeDelegates} suffix="人" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="议题（已采纳/待决定）" value={`${c.topics.accepted} / ${c.topics.submitted}`} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="议程" value={c.agendaItems} suffix="项" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="会前材料" value={c.briefings} suffix="份" />
            </Col>
            {m.notifiedAt && (
              <>
                <Col xs={12} md={6}>
                  <Statistic title="应到会代表" value={c.attendance.due ?? 0} suffix="人" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="确认参会" value={c.attendance.confirmed ?? 0} suffix="人" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="请假" value={c.attendance.leave ?? 0} suffix="人" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="未回复" value={c.attendance.pending ?? 0} suffix="人" />
                </Col>
              </>
            )}
            <Col xs={12} md={6}>
              <Statistic title="列席（已确定/待审批）" value={`${c.observers.approved} / ${c.observers.pending}`} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title="期限">
          <Descriptions
            column={1}
            items={[
              { key: 'topic', label: '议题截止', children: <DeadlineText d={m.deadlines.topic} closed={topicsClosed(m, c.topics)} /> },
              { key: 'notice', label: '通知截止', children: <DeadlineText d={m.deadlines.notice} done={!!m.notifiedAt} /> },
            ]}
          />
        </Card>
        <Card title="会议信息与规则" style={{ marginTop: 16 }}>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'when', label: '时间', children: `${m.startsOn}${m.startTime ? ' ' + m.startTime : ''}，会期${meetingDuration(m.durationDays)}` },
              { key: 'place', label: '地点', children: m.place ?? '待定' },
              { key: 'election', label: '选举', children: m.hasElection ? '本次会议进行选举' : '不进行选举' },
              { key: 'q', label: '会议法定人数', children: `应到会代表${describeFraction(m.rules.meetingQuorum)}` },
              { key: 'e', label: '选举法定人数', children: `应到会代表${describeFraction(m.rules.electionQuorum)}` },
              { key: 'p', label: '通过规则', children: describePassRule(m.rules.passRule) },
              { key: 'n', label: '通知期限', children: `会前${describePeriod(m.rules.noticePeriod)}` },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            会议采用建立时的规则，此后修改“会议规则”不影响本次会议。
          </Typography.Text>
        </Card>
        {(m.status === 'notified' || m.status === 'inProgress') && <ScreenLinkCard tid={tid} meetingId={m.id} />}
      </Col>
      <MeetingFormModal open={editing} onClose={() => setEditing(false)} meeting={m} />
      <Modal
        open={late !== null}
        title="逾期发出会议通知"
        okText="注明原因并发出"
        okButtonProps={{ disabled: !late?.trim(), loading: act.isPending }}
        onOk={() => act.mutate({ action: 'notify', body: { late: true, reason: late?.trim() } })}
        onCancel={() => setLate(null)}
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`会议通知应不迟于 ${m.deadlines.notice.date}（会前${describePeriod(m.rules.noticePeriod)}）发出，现已逾期。`}
        />
        <Input.TextArea rows={3} maxLength={500} placeholder="请写明逾期原因，将记入会议档案" value={late ?? ''} onChange={(e) => setLate(e.target.value)} />
      </Modal>
    </Row>
  );
}

/** 议题截止 once it is over: how many topics came in, never 已完成 for none. */
function topicsClosed(m: { status: string; deadlines: { topic: { passed: boolean } } }, t: Record<string, number>) {
  if (!m.deadlines.topic.passed && (m.status === 'draft' || m.status === 'notified')) return undefined;
  const received = (t.collecting ?? 0) + (t.submitted ?? 0) + (t.accepted ?? 0) + (t.rejected ?? 0);
  return received ? `已截止，收到 ${received} 个议题` : '已截止，未收到议题';
}
