import http from 'node:http';

export interface SseEvent {
  type: string;
  data: any;
}

/** A minimal EventSource over node:http for tests and the bench: collects events, waits for one. */
export class SseWatcher {
  readonly events: SseEvent[] = [];
  status = 0;
  /** Set when the server ended the stream. */
  ended = false;
  private endWaiters: (() => void)[] = [];
  private req: http.ClientRequest | null = null;
  private waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  private buf = '';

  constructor(
    readonly url: string,
    private readonly headers: Record<string, string> = {},
    private readonly agent?: http.Agent,
  ) {}

  /** Resolves when the response headers have arrived. */
  open(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.req = http.get(this.url, { headers: { accept: 'text/event-stream', ...this.headers }, agent: this.agent }, (res) => {
        this.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => this.feed(chunk));
        res.on('error', () => undefined);
        res.on('close', () => {
          this.ended = true;
          for (const f of this.endWaiters) f();
        });
        resolve(this.status);
      });
      this.req.on('error', reject);
    });
  }

  private feed(chunk: string) {
    this.buf += chunk;
    let i: number;
    while ((i = this.buf.indexOf('\n\n')) >= 0) {
      const block = this.buf.slice(0, i);
      this.buf = this.buf.slice(i + 2);
      let type = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) type = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (!data) continue;
      const e = { type, data: JSON.parse(data) };
      this.events.push(e);
      this.waiters = this.waiters.filter((w) => (w.pred(e) ? (w.resolve(e), false) : true));
    }
  }

  /** The first event (already received or still to come) matching `pred`; rejects after `ms` so a test fails instead of hanging. */
  waitFor(pred: (e: SseEvent) => boolean, ms = 10_000): Promise<SseEvent> {
    const seen = this.events.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching event within ${ms} ms; got ${this.events.map((e) => e.type).join(',')}`)), ms);
      this.waiters.push({ pred, resolve: (e) => (clearTimeout(t), resolve(e)) });
    });
  }

  /** Resolves when the server ends the stream; rejects after `ms`. */
  waitForEnd(ms = 10_000): Promise<void> {
    if (this.ended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`stream still open after ${ms} ms`)), ms);
      this.endWaiters.push(() => (clearTimeout(t), resolve()));
    });
  }

  close() {
    this.req?.destroy();
  }
}
