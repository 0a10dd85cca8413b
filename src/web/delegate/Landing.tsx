import { Navigate } from 'react-router';
import { Loading } from './Loading.js';
import { MePage } from './MePage.js';
import { useMyMeetings } from './meetings/api.js';

// Once per page load: arriving (after signing in, or opening /m) at a meeting that waits for the
// delegate's reply opens that meeting; the 我的 tab afterwards shows 我的.
let landed = false;

/** After signing in again in the same page load, land once more. */
export const landAgain = () => {
  landed = false;
};

/** The index page: the meeting waiting for a reply, if there is one, else 我的. */
export function Landing() {
  const first = !landed;
  const q = useMyMeetings();
  if (!first) return <MePage />;
  if (q.isPending) return <Loading />;
  landed = true;
  const waiting = q.data
    ?.filter((i) => i.meeting.status === 'notified' && i.reply === 'pending')
    .sort((a, b) => a.meeting.startsOn.localeCompare(b.meeting.startsOn))[0];
  return waiting ? <Navigate to={`/meetings/${waiting.meeting.id}`} replace /> : <MePage />;
}
