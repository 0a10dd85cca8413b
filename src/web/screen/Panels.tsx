import { POLL_METHODS, type PollMethod } from '../../domain/meeting/poll.js';
import type { Attendance, LivePoll, LiveResult } from './types.js';

const methodLabel = (m: string) => POLL_METHODS[m as PollMethod] ?? m;

export function AttendancePanel({ a, election }: { a: Attendance | null; election: boolean }) {
  return (
    <section className="s-panel" aria-label="到会情况">
      <h2>到会情况</h2>
      {a ? (
        <>
          <div className="s-counts">
            <div className="s-count" data-testid="screen-due">
              <span>应到</span>
              <b>
                {a.due}
                <small>人</small>
              </b>
            </div>
            <div className="s-count" data-testid="screen-present">
              <span>实到</span>
              <b>
                {a.present}
                <small>人</small>
              </b>
            </div>
            <div className="s-count">
              <span>请假</span>
              <b>
                {a.onLeave}
                <small>人</small>
              </b>
            </div>
            <div className="s-count">
              <span>缺席</span>
              <b>
                {a.absent}
                <small>人</small>
              </b>
            </div>
          </div>
          <div className="s-quorum" data-testid="screen-quorum">
            <QuorumLine label="会议" q={a.quorum.meeting} />
            {election && <QuorumLine label="选举" q={a.quorum.election} />}
          </div>
        </>
      ) : (
        <div className="s-idle">尚未开始签到</div>
      )}
    </section>
  );
}

function QuorumLine({ label, q }: { label: string; q: Attendance['quorum']['meeting'] }) {
  return (
    <div>
      {label}法定人数：{q.reached ? <span className="ok">符合</span> : <span className="bad">不足</span>}
      <small>
        须应到会代表{q.rule}，即至少 {q.required} 人到会
      </small>
    </div>
  );
}

export function PollPanel({ poll, result }: { poll: LivePoll | null; result: LiveResult | null }) {
  if (poll && poll.status === 'open') {
    const due = poll.presentSnapshot ?? 0;
    const voted = poll.voted;
    return (
      <section className="s-panel" aria-label="表决进行中">
        <h2>表决进行中</h2>
        <div className="s-poll-title">{poll.title}</div>
        <div className="s-poll-method">{methodLabel(poll.method)}</div>
        {voted !== null ? (
          <div className="s-progress" data-testid="screen-progress">
            <div className="big">
              已投 {voted} <small>/ 应投 {due}</small>
            </div>
            <div className="s-bar">
              <i style={{ width: `${due ? Math.min(100, (voted / due) * 100) : 0}%` }} />
            </div>
          </div>
        ) : (
          <div className="s-progress">
            <div className="cap">请举手表决</div>
            <div className="big">
              <small>应参加表决 {due} 人</small>
            </div>
          </div>
        )}
      </section>
    );
  }
  if (result) {
    return (
      <section className="s-panel" aria-label="表决结果" data-testid="screen-result">
        <h2>表决结果</h2>
        <div className="s-poll-title">{result.title}</div>
        <div className="s-poll-method">
          {methodLabel(result.method)} · 应到 {result.dueSnapshot} 人 · 实到 {result.presentSnapshot} 人
        </div>
        <div className="s-result">
          <div>
            <span>赞成</span>
            <b>{result.yes}</b>
          </div>
          <div>
            <span>反对</span>
            <b>{result.no}</b>
          </div>
          <div>
            <span>弃权</span>
            <b>{result.abstain}</b>
          </div>
          <div>
            <span>未投</span>
            <b>{result.notVoted}</b>
          </div>
        </div>
        <div className="s-verdict">
          <strong className={result.passed ? 'pass' : 'fail'} data-testid="screen-verdict">
            {result.passed ? '通过' : '未通过'}
          </strong>
          <p>
            {result.rule}
            <br />
            通过须赞成票 {result.requiredYes} 票，实得 {result.yes} 票
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="s-panel" aria-label="表决">
      <h2>表决</h2>
      <div className="s-idle">暂无表决</div>
    </section>
  );
}
