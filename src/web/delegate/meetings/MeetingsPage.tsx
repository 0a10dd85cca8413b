import { useNavigate, useParams } from 'react-router';
import { ErrorBlock, List } from 'antd-mobile';
import { useMe } from '../../shared/session.js';
import { Loading } from '../Loading.js';
import { currentOf, useMyMeetings } from './api.js';
import { MeetingHome } from './MeetingHome.js';

/** 会议 tab: the meeting that matters now (or the one in the URL), then the others. */
export function MeetingsPage() {
  const { mid } = useParams();
  const navigate = useNavigate();
  const me = useMe().data!;
  const q = useMyMeetings();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBlock status="default" title="加载失败" description={q.error.message} fullPage />;
  const shown = mid ? q.data.find((i) => i.meeting.id === mid) : currentOf(q.data);
  const others = q.data.filter((i) => i !== shown);

  return (
    <div className="m-page">
      <header className="m-header">
        <h1>会议</h1>
        <p>党代表大会年会</p>
      </header>
      {shown ? (
        <MeetingHome key={shown.meeting.id} item={shown} tid={me.townshipId!} />
      ) : (
        <ErrorBlock status="empty" title="暂无会议通知" description="收到会议通知后，可在这里确认参会、阅读材料、签到和表决。" />
      )}
      {others.length > 0 && (
        <List header="其他会议" mode="card" className="m-section">
          {others.map((i) => (
            <List.Item key={i.meeting.id} description={`${i.meeting.startsOn} · ${i.meeting.statusLabel}`} onClick={() => navigate(`/meetings/${i.meeting.id}`)}>
              {i.meeting.name}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
