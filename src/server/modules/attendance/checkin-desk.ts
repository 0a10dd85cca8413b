import type { z } from 'zod';
import type { CheckInBody } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { type AuditInput, writeAuditEntries } from '../../audit/audit.js';
import type { Actor } from '../../access/types.js';
import { verifyCheckInToken } from './checkin-token.js';
import { assertCheckInOpen } from './policy.js';
import { attendanceSummary } from './summary.js';
import { lockMeetingShared, type MeetingRow } from '../meetings/index.js';
import * as repo from './repository.js';

/**
 * The check-in desk of one meeting in this process (group commit, like the poll's ballot box).
 * Scans that arrive while a batch is being written wait and go together in the next one: one
 * transaction locks the meeting (shared) and the batch's attendance rows (in delegate order),
 * decides each scan in arrival order on what it read under those locks, writes the new states
 * in one statement and the audit entries with one take of the audit chain's lock, and reads the
 * figures once. Each scan is answered only after that transaction commits.
 *
 * Why: every audited change takes the chain's advisory lock and holds it until its commit, so
 * 2,000 check-ins one transaction each wait for 2,000 commits in a row (measured: the backends
 * sat in `pg_advisory_xact_lock` most of the burst). A batch pays that critical section once.
 */

const MAX_BATCH = 200;
const RETRIES = 3;

export interface CheckInAnswer {
  delegateId: string;
  name: string;
  checkedInAt: Date | null;
  method: string | null;
  alreadyCheckedIn: boolean;
  phoneConfirmed: boolean;
}

interface Scan {
  actor: Actor;
  body: z.infer<typeof CheckInBody>;
  resolve(a: { answer: CheckInAnswer; m: MeetingRow; attendance: Awaited<ReturnType<typeof attendanceSummary>> }): void;
  reject(e: unknown): void;
}

type Outcome = { answer: CheckInAnswer } | { error: AppError };

const codeOf = (e: unknown) => (e as { code?: string })?.code ?? (e as { cause?: { code?: string } })?.cause?.code ?? '';
const retryable = (e: unknown) => ['40P01', '40001'].includes(codeOf(e));

export class CheckInDesk {
  private queue: Scan[] = [];
  private running = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly townshipId: string,
    private readonly meetingId: string,
  ) {}

  submit(actor: Actor, body: Scan['body']) {
    return new Promise<Parameters<Scan['resolve']>[0]>((resolve, reject) => {
      this.queue.push({ actor, body, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run() {
    this.running = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        const { m, outcomes, attendance } = await this.writeWithRetries(batch);
        batch.forEach((s, i) => {
          const o = outcomes[i]!;
          if ('error' in o) s.reject(o.error);
          else s.resolve({ answer: o.answer, m, attendance });
        });
      } catch (e) {
        for (const s of batch) s.reject(e);
      }
    }
    this.running = false;
    if (this.ctx.attendance.desks.get(this.key) === this) this.ctx.attendance.desks.delete(this.key);
  }

  get key() {
    return deskKey(this.townshipId, this.meetingId);
  }

  private async writeWithRetries(batch: Scan[]) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(batch);
      } catch (e) {
        if (attempt >= RETRIES || !retryable(e)) throw e;
      }
    }
  }

  /** One transaction for the batch; a scan the rules refuse gets its own error, the others go on. */
  private write(batch: Scan[]) {
    const { ctx, townshipId } = this;
    return ctx.database.db.transaction(async (tx) => {
      const m = await lockMeetingShared(tx, townshipId, this.meetingId);
      if (!m) throw notFound('会议');
      assertCheckInOpen(m);
      const scans = batch.map((s) => {
        if (s.body.token === undefined) return { delegateId: s.body.delegateId!, deviceKey: null };
        return verifyCheckInToken(ctx.cipher, m.id, s.body.token) ?? null;
      });
      const rows = await repo.lockAttendanceRows(tx, townshipId, m.id, scans.flatMap((x) => (x ? [x.delegateId] : [])));
      const at = new Date();
      const changed = new Map<string, Parameters<typeof repo.writeCheckIns>[3][number]>();
      const audits: { actor: Actor; input: AuditInput }[] = [];
      const outcomes = batch.map((s, i): Outcome => {
        const scan = scans[i];
        if (!scan) return { error: invalid('签到码无效，或不是本次会议的签到码') };
        const { delegateId, deviceKey } = scan;
        const row = rows.get(delegateId);
        if (!row) return { error: new AppError('NOT_FOUND', '该代表不在本次会议的应到会代表名单中') };
        const audit = (action: 'attendance.checkIn' | 'attendance.confirmPhone', after: object) =>
          audits.push({ actor: s.actor, input: { townshipId, action, entity: 'meeting', entityId: m.id, after: { delegateId, name: row.name, ...after } } });
        if (!row.checkedInAt) {
          const method = deviceKey ? 'qr' : 'manual';
          Object.assign(row, { checkedInAt: at, checkInMethod: method, deviceKey });
          changed.set(delegateId, { delegateId, checkedInAt: at, method, deviceKey, deviceBoundAt: deviceKey ? at : null });
          audit('attendance.checkIn', { method });
          return { answer: { delegateId, name: row.name, checkedInAt: at, method, alreadyCheckedIn: false, phoneConfirmed: !!deviceKey } };
        }
        const same = { delegateId, name: row.name, checkedInAt: row.checkedInAt, method: row.checkInMethod, alreadyCheckedIn: true };
        if (!deviceKey || deviceKey === row.deviceKey) return { answer: { ...same, phoneConfirmed: false } };
        audit('attendance.confirmPhone', { replacedPhone: !!row.deviceKey });
        row.deviceKey = deviceKey;
        changed.set(delegateId, { delegateId, checkedInAt: row.checkedInAt, method: row.checkInMethod ?? 'manual', deviceKey, deviceBoundAt: at });
        return { answer: { ...same, phoneConfirmed: true } };
      });
      await repo.writeCheckIns(tx, townshipId, m.id, [...changed.values()]);
      await writeAuditEntries(tx, audits);
      return { m, outcomes, attendance: await attendanceSummary(tx, townshipId, m) };
    });
  }
}

const deskKey = (townshipId: string, meetingId: string) => `${townshipId}:${meetingId}`;

/** The desk of a meeting in this process: created on the first scan, dropped when idle. */
export function checkInDeskOf(ctx: AppContext, townshipId: string, meetingId: string): CheckInDesk {
  const key = deskKey(townshipId, meetingId);
  let d = ctx.attendance.desks.get(key);
  if (!d) ctx.attendance.desks.set(key, (d = new CheckInDesk(ctx, townshipId, meetingId)));
  return d;
}

/** A process's attendance state: the desks writing a batch now. */
export interface AttendanceState {
  desks: Map<string, CheckInDesk>;
}

export const newAttendanceState = (): AttendanceState => ({ desks: new Map() });
