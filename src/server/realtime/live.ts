import { Coalescer } from './coalesce.js';

/** Per-process live state of one context (one server): the coalescer of recounts. */
export interface Live {
  coalescer: Coalescer;
}

export const newLive = (): Live => ({ coalescer: new Coalescer(100) });

/** Stops pending recounts when the server closes; an app built again on the context starts afresh. */
export function disposeLive(live: Live) {
  live.coalescer.close();
  live.coalescer = new Coalescer(100);
}
