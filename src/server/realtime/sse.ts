import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { EventHub, HubEvent } from './hub.js';

/** Open SSE responses of one app, so that closing the app ends them instead of waiting. */
export type StreamRegistry = Set<ServerResponse>;

export const HEARTBEAT_MS = 15_000;
/** A client this far behind is cut off; it reconnects and gets a fresh full state. */
const MAX_BUFFERED = 1 << 20;

// One serialisation per event, however many streams write it.
const frames = new WeakMap<HubEvent, string>();
export function frameOf(e: { type: string; data: unknown }): string {
  return `event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`;
}
function cachedFrame(e: HubEvent): string {
  let f = frames.get(e);
  if (f === undefined) {
    f = frameOf(e);
    frames.set(e, f);
  }
  return f;
}

export interface StreamOptions {
  hub: EventHub;
  channel: string;
  registry: StreamRegistry;
  /** The full state sent first, as event `state`. */
  initial: () => Promise<unknown>;
}

/**
 * Turns the reply into an event stream: subscribes first and holds events until the initial
 * state is written (so nothing falls in the gap), then relays the channel, with a heartbeat
 * comment every 15 s. Progress of an open poll only ever goes up and a closed poll never
 * reopens: when two server processes publish, a late count from one must not overwrite a
 * newer state from the other.
 */
export async function openEventStream(req: FastifyRequest, reply: FastifyReply, o: StreamOptions): Promise<void> {
  let held: HubEvent[] | null = [];
  let relay: (e: HubEvent) => void = () => undefined;
  const unsubscribe = o.hub.subscribe(o.channel, (e) => (held ? held.push(e) : relay(e)));
  let initial: unknown;
  try {
    initial = await o.initial();
  } catch (e) {
    unsubscribe();
    throw e;
  }
  reply.hijack();
  const res = reply.raw;
  // No chunked framing: the stream ends only when the connection does, so each event is one
  // plain socket write (thousands of screens × ten events a second make this the hot loop).
  res.useChunkedEncodingByDefault = false;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'close',
    'x-accel-buffering': 'no',
  });
  res.socket?.setNoDelay(true);
  const voted = new Map<string, number>();
  const write = (chunk: string) => {
    if (res.writableEnded || res.destroyed) return;
    res.write(chunk);
    if (res.writableLength > MAX_BUFFERED) res.destroy();
  };
  relay = (e: HubEvent) => {
    if (e.type === 'poll') {
      const d = e.data as { id?: string; status?: string; voted?: number | null };
      if (d?.id && d.status === 'open') {
        // A closed poll stays closed; a late progress count never goes backwards.
        if (voted.get(d.id) === Infinity) return;
        if (typeof d.voted === 'number') {
          if (d.voted < (voted.get(d.id) ?? 0)) return;
          voted.set(d.id, d.voted);
        }
      } else if (d?.id && d.status === 'closed') voted.set(d.id, Infinity);
    }
    write(cachedFrame(e));
  };
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
  o.registry.add(res);
  const cleanup = () => {
    clearInterval(heartbeat);
    unsubscribe();
    o.registry.delete(res);
  };
  res.on('close', cleanup);
  req.raw.on('close', cleanup);
  write('retry: 3000\n\n');
  write(frameOf({ type: 'state', data: initial }));
  const pending = held;
  held = null;
  for (const e of pending) relay(e);
}

export function closeStreams(registry: StreamRegistry) {
  for (const res of registry) res.end();
  registry.clear();
}
