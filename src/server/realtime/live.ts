import type { AppContext } from '../context.js';
import { Coalescer } from './coalesce.js';

/** Per-process live state of one context (one server): the coalescer of recounts. */
export interface Live {
  coalescer: Coalescer;
}

const lives = new WeakMap<AppContext, Live>();

export function liveOf(ctx: AppContext): Live {
  let l = lives.get(ctx);
  if (!l) {
    l = { coalescer: new Coalescer(100) };
    lives.set(ctx, l);
  }
  return l;
}

export function disposeLive(ctx: AppContext) {
  lives.get(ctx)?.coalescer.close();
  lives.delete(ctx);
}
