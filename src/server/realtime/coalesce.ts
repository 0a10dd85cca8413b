/**
 * At most one run per key per window, leading and trailing: the first touch runs at once (a
 * single check-in shows immediately), touches during the window mark the key dirty, and the
 * window's end runs once more — so the last state is always sent, and a burst of 2,000 ballots
 * makes about ten progress events a second instead of 2,000.
 */
export class Coalescer {
  private readonly keys = new Map<string, { timer: NodeJS.Timeout | null; dirty: boolean; running: Promise<void> }>();
  private closed = false;

  constructor(private readonly windowMs = 100) {}

  touch(key: string, run: () => Promise<void>): void {
    if (this.closed) return;
    const k = this.keys.get(key);
    if (k) {
      k.dirty = true;
      return;
    }
    const entry = { timer: null as NodeJS.Timeout | null, dirty: false, running: Promise.resolve() };
    this.keys.set(key, entry);
    this.fire(key, entry, run);
  }

  private fire(key: string, entry: { timer: NodeJS.Timeout | null; dirty: boolean; running: Promise<void> }, run: () => Promise<void>) {
    entry.running = entry.running.then(run).catch(() => undefined);
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (entry.dirty && !this.closed) {
        entry.dirty = false;
        this.fire(key, entry, run);
      } else {
        this.keys.delete(key);
      }
    }, this.windowMs);
  }

  /** Waits for runs in progress (tests, shutdown). */
  async settle(): Promise<void> {
    while ([...this.keys.values()].some((e) => e.timer)) {
      await Promise.all([...this.keys.values()].map((e) => e.running));
      await new Promise((r) => setTimeout(r, this.windowMs));
    }
  }

  close(): void {
    this.closed = true;
    for (const e of this.keys.values()) if (e.timer) clearTimeout(e.timer);
    this.keys.clear();
  }
}
