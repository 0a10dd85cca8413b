import { useEffect, useRef, useState } from 'react';

/**
 * A Server-Sent Events subscription that stays up: the browser's EventSource retries a dropped
 * connection by itself, but gives up for good when an answer is not an event stream (a restart
 * behind a proxy, a 502); then we open a new one with a growing pause. Every (re)connection
 * starts with the server's full `state` event, so nothing missed while away is lost.
 */

export type StreamStatus = 'connecting' | 'open' | 'reconnecting';
export type StreamHandlers = Record<string, (data: unknown) => void>;

export function openEventStream(url: string, handlers: () => StreamHandlers, onStatus: (s: StreamStatus) => void): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let stopped = false;
  const bound = new Set<string>();

  const connect = () => {
    if (stopped) return;
    onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    const es = new EventSource(url, { withCredentials: true });
    source = es;
    bound.clear();
    const bind = (type: string) => {
      if (bound.has(type)) return;
      bound.add(type);
      es.addEventListener(type, (ev) => {
        let data: unknown = null;
        try {
          data = JSON.parse((ev as MessageEvent<string>).data);
        } catch {
          return;
        }
        handlers()[type]?.(data);
      });
    };
    for (const type of Object.keys(handlers())) bind(type);
    es.onopen = () => {
      attempt = 0;
      onStatus('open');
    };
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        attempt++;
        onStatus('reconnecting');
        timer = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
      } else {
        onStatus('reconnecting');
      }
    };
  };
  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
}

/** Subscribes while mounted; handlers may change between renders without reconnecting. */
export function useEventStream(url: string | null, handlers: StreamHandlers): StreamStatus {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const types = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    if (!url) return;
    return openEventStream(url, () => ref.current, setStatus);
    // The event types are fixed per caller; a new list only when the caller's set changes.
  }, [url, types]);
  return status;
}
