import { EventEmitter } from 'node:events';

/** A change that watchers of a channel (e.g. `meeting:<id>`) should see. */
export interface HubEvent {
  channel: string;
  type: string;
  data: unknown;
}

/**
 * In-process fan-out of events to SSE streams. Services publish only after their transaction
 * commits. With PostgreSQL the hub is bridged over LISTEN/NOTIFY so that every server process
 * sees every event (see pg-bridge.ts).
 */
export class EventHub {
  private readonly emitter = new EventEmitter();
  private forward: ((e: HubEvent) => void) | null = null;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Publishes to local subscribers and, when bridged, to the other processes. */
  publish(event: HubEvent): void {
    if (this.forward) this.forward(event);
    else this.deliver(event);
  }

  /** Delivers an event to this process's subscribers only. */
  deliver(event: HubEvent): void {
    this.emitter.emit(event.channel, event);
  }

  setForwarder(fn: ((e: HubEvent) => void) | null): void {
    this.forward = fn;
  }

  subscribe(channel: string, fn: (e: HubEvent) => void): () => void {
    this.emitter.on(channel, fn);
    return () => this.emitter.off(channel, fn);
  }

  listenerCount(channel: string): number {
    return this.emitter.listenerCount(channel);
  }
}
