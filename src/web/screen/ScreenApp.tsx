import { useCallback, useEffect, useMemo, useState } from 'react';
import { useEventStream } from '../shared/event-stream.js';
import { agendaLine, fromState, screenUrls, syncLine } from './state.js';
import { AttendancePanel, PollPanel } from './Panels.js';
import type { Attendance, LivePoll, LiveResult, ScreenView } from './types.js';

function Message({ title, text }: { title: string; text?: string }) {
  return (
    <main className="s-root">
      <div className="s-message">
        <h1>{title}</h1>
        {text && <p>{text}</p>}
      </div>
    </main>
  );
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(t);
  }, []);
  // The hall is in China whatever the PC's time zone says.
  return <span>{now.toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}</span>;
}

/**
 * The hall screen follows one meeting: the server's `state` event gives the whole picture on
 * every (re)connection, and later events change one part of it.
 */
export function ScreenApp({ meetingId, token }: { meetingId: string | null; token: string | null }) {
  const [view, setView] = useState<ScreenView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const urls = meetingId && token ? screenUrls(meetingId, token) : null;

  const reload = useCallback(async () => {
    if (!urls) return;
    try {
      const res = await fetch(urls.state, { headers: { accept: 'application/json' } });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        setError(body?.error?.message ?? `无法读取会议（${res.status}）`);
        return;
      }
      setError(null);
      setView(fromState(body));
    } catch {
      // offline for a moment: the stream reconnects and sends the state again
    }
  }, [urls?.state]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const handlers = useMemo(
    () => ({
      state: (d: unknown) => {
        setError(null);
        setView(fromState(d));
      },
      attendance: (d: unknown) => setView((v) => v && { ...v, attendance: d as Attendance }),
      poll: (d: unknown) => {
        const p = d as LivePoll;
        setView((v) => {
          if (!v) return v;
          if (p.status === 'open') return { ...v, poll: p };
          return v.poll?.id === p.id ? { ...v, poll: p } : v;
        });
      },
      pollResult: (d: unknown) => setView((v) => v && { ...v, result: d as LiveResult, poll: v.poll?.id === (d as LiveResult).id ? null : v.poll }),
      agenda: (d: unknown) => {
        const a = d as { currentAgendaItemId: string | null; title?: string | null };
        if (a.title !== undefined || !a.currentAgendaItemId) setView((v) => v && { ...v, agendaTitle: a.title ?? null });
        else void reload();
      },
      meeting: () => void reload(),
    }),
    [reload],
  );
  const status = useEventStream(urls?.events ?? null, handlers);
  // A dropped stream may mean the link was changed: the state answer then says so on the screen.
  useEffect(() => {
    if (status === 'reconnecting') void reload();
  }, [status, reload]);

  if (!meetingId || !token) return <Message title="大屏地址不完整" text="请从会议管理的“会场大屏”中复制完整地址打开。" />;
  if (error) return <Message title="无法显示会议" text={error} />;
  if (!view) return <Message title="正在连接……" />;

  const agenda = agendaLine(view);
  const sync = syncLine(view.meetingStatus, status);
  return (
    <main className="s-root">
      <header className="s-head">
        <div className="s-township">{view.townshipName}</div>
        <h1 className="s-name" data-testid="screen-meeting-name">
          {view.meetingName}
        </h1>
      </header>
      <div className="s-agenda" data-testid="screen-agenda">
        <span className="s-label">{agenda.label}</span>
        <span>{agenda.text}</span>
      </div>
      <div className="s-body">
        <AttendancePanel a={view.attendance} election={view.hasElection} />
        <PollPanel poll={view.poll} result={view.result} />
      </div>
      <footer className="s-foot">
        <span>
          <i className={`s-dot${sync.live ? '' : ' off'}`} />
          {sync.text}
        </span>
        <Clock />
      </footer>
    </main>
  );
}
