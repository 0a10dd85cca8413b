import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorBlock, NavBar, Result } from 'antd-mobile';
import { Loading } from '../Loading.js';
import { useCheckInCode } from './api.js';
import './meetings.css';

/** 签到码: shown big to the staff's scanner at the door; turns into 已签到 once scanned. */
export function CheckInPage() {
  const { mid } = useParams();
  const navigate = useNavigate();
  const q = useCheckInCode(mid!);
  // The phone has no other way to learn it was scanned than asking again. Checked in by hand,
  // or after a password reset, it shows its code until the desk has scanned it to confirm.
  const checkedIn = q.data?.phone === 'bound';
  useCheckInRefresh(q.refetch, !checkedIn);

  return (
    <div className="m-page m-checkin">
      <NavBar onBack={() => navigate(-1)}>签到码</NavBar>
      {q.isPending && <Loading />}
      {q.error && <ErrorBlock status="default" title="无法显示签到码" description={q.error.message} />}
      {q.data && (
        <>
          <p className="m-checkin-name">{q.data.meetingName}</p>
          {checkedIn ? (
            <Result status="success" title="已签到" description={q.data.checkedInAt ? `签到时间 ${new Date(q.data.checkedInAt).toLocaleTimeString('zh-CN', { hour12: false })}` : undefined} />
          ) : (
            <>
              <div className="m-qr" data-testid="checkin-qr" dangerouslySetInnerHTML={{ __html: q.data.qrSvg }} />
              <p className="m-checkin-hint" data-testid="checkin-hint">
                {q.data.checkedIn ? q.data.phoneNote : '请在会场入口向工作人员出示此签到码'}
              </p>
              <p className="m-checkin-token" data-testid="checkin-token">
                {q.data.token}
              </p>
            </>
          )}
        </>
      )}
    </div>
  );
}

function useCheckInRefresh(refetch: () => unknown, active: boolean) {
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => void refetch(), 5000);
    return () => clearInterval(t);
  }, [refetch, active]);
}
