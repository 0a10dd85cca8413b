import { meetingDuration } from '../../../domain/meeting/duration.js';
import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button, Card, List, NoticeBar, Tag } from 'antd-mobile';
import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { useEventStream } from '../../shared/event-stream.js';
import { myKeys, useCheckInCode, type MyMeeting } from './api.js';
import { BriefingsSection } from './BriefingsSection.js';
import { ReplySection } from './ReplySection.js';
import { TopicsSection } from './TopicsSection.js';
import { useMyPolls, VoteSection } from './VoteSection.js';
import './meetings.css';

const STATUS_COLORS = { draft: 'default', notified: 'primary', inProgress: 'danger', closed: 'success' } as const;

/** One meeting on the phone: the notice and reply, the check-in code, the open vote, briefings and topics. */
export function MeetingHome({ item, tid }: { item: MyMeeting; tid: string }) {
  const m = item.meeting;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const inProgress = m.status === 'inProgress';
  // Check-in opens on the meeting day (the server's attendance policy says the same).
  const checkInOpen = inProgress || (m.status === 'notified' && chinaToday() >= m.startsOn);
  const polls = useMyPolls(m.id, inProgress || m.status === 'closed');
  const handlers = useMemo(
    () => ({
      state: () => void qc.invalidateQueries({ queryKey: myKeys.part(m.id, 'polls') }),
      poll: () => void qc.invalidateQueries({ queryKey: myKeys.part(m.id, 'polls') }),
      pollResult: () => void qc.invalidateQueries({ queryKey: myKeys.part(m.id, 'polls') }),
      meeting: () => void qc.invalidateQueries({ queryKey: myKeys.meetings }),
    }),
    [qc, m.id],
  );
  useEventStream(m.status === 'notified' || inProgress ? `/api/me/meetings/${m.id}/stream` : null, handlers);

  return (
    <>
      {inProgress && polls.data && <VoteSection mid={m.id} polls={polls.data} />}
      <Card className="m-section m-meeting-card" data-testid="meeting-card">
        <Tag color={STATUS_COLORS[m.status]} fill="outline" style={{ marginBottom: 6 }}>
          {m.statusLabel}
        </Tag>
        <h2>{m.name}</h2>
        <p>
          时间：{m.startsOn}
          {m.startTime ? ` ${m.startTime}` : ''}，会期{meetingDuration(m.durationDays)}
        </p>
        <p>地点：{m.place ?? '另行通知'}</p>
      </Card>
      {checkInOpen && (
        <div className="m-section">
          {item.checkedInAt ? (
            <>
              <List mode="card" style={{ margin: 0 }}>
                <List.Item extra={new Date(item.checkedInAt).toLocaleTimeString('zh-CN', { hour12: false })}>
                  <Tag color="success" fill="solid" style={{ fontSize: 15, padding: '4px 10px' }}>
                    已签到
                  </Tag>
                </List.Item>
              </List>
              <PhoneConfirm mid={m.id} />
            </>
          ) : (
            <Button block color="primary" size="large" className="m-big-action" onClick={() => navigate(`/meetings/${m.id}/checkin`)} data-testid="show-checkin">
              出示签到码
            </Button>
          )}
        </div>
      )}
      {item.reply !== undefined && !item.checkedInAt && <ReplySection item={item} />}
      <BriefingsSection tid={tid} mid={m.id} />
      {(m.status === 'draft' || m.status === 'notified') && <TopicsSection tid={tid} mid={m.id} />}
    </>
  );
}

/** Checked in, but not with this phone (by hand, or before a password reset): only the phone scanned at the desk votes. */
function PhoneConfirm({ mid }: { mid: string }) {
  const navigate = useNavigate();
  const code = useCheckInCode(mid);
  if (!code.data || code.data.phone === 'bound') return null;
  return (
    <div data-testid="phone-confirm">
      <NoticeBar content={code.data.phoneNote} color="alert" wrap style={{ marginTop: 8 }} />
      <Button block color="primary" size="large" className="m-big-action" style={{ marginTop: 8 }} onClick={() => navigate(`/meetings/${mid}/checkin`)}>
        出示签到码确认本机
      </Button>
    </div>
  );
}
