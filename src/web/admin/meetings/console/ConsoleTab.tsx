import { Alert, Col, Row } from 'antd';
import type { TabProps } from '../types.js';
import { useMeetingPart } from '../queries.js';
import type { AgendaItem } from '../agenda/types.js';
import { AttendanceCard } from './AttendanceCard.js';
import { CheckInCard, type AttendanceAnswer } from './CheckInCard.js';
import { CurrentAgendaCard } from './CurrentAgendaCard.js';
import { PollsCard } from './PollsCard.js';
import type { PollView } from './types.js';

/** 会场: the live console of the meeting day — check-in, counts and quorum, the agenda, the votes. */
export function ConsoleTab({ tid, meeting: m, canManage }: TabProps) {
  const live = m.status === 'notified' || m.status === 'inProgress' || m.status === 'closed';
  const attendance = useMeetingPart<AttendanceAnswer>(tid, m.id, 'attendance', '/attendance', live);
  const polls = useMeetingPart<{ items: PollView[] }>(tid, m.id, 'polls', '/polls', live);
  const agenda = useMeetingPart<{ items: AgendaItem[] }>(tid, m.id, 'agenda', '/agenda');

  if (!live) return <Alert type="info" showIcon title="会议通知发出后，会议当天可在此签到；开幕后可在此组织表决。" />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <AttendanceCard a={attendance.data} hasElection={m.hasElection} />
        <div style={{ marginTop: 16 }}>
          <CheckInCard tid={tid} meeting={m} data={attendance.data} canManage={canManage} />
        </div>
      </Col>
      <Col xs={24} xl={14}>
        <CurrentAgendaCard tid={tid} meeting={m} items={agenda.data?.items ?? []} canManage={canManage} />
        <div style={{ marginTop: 16 }}>
          <PollsCard
            tid={tid}
            meeting={m}
            polls={polls.data?.items}
            attendance={attendance.data}
            agenda={(agenda.data?.items ?? []).map((a) => ({ id: a.id, title: a.title, type: a.type }))}
            canManage={canManage}
          />
        </div>
      </Col>
    </Row>
  );
}
