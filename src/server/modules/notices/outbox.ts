import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';

export const MAX_SMS_ATTEMPTS = 3;

interface Claimed {
  id: string;
  phone_enc: string;
  text: string;
  attempts: number;
}

/**
 * Takes up to `batch` pending messages: the claim is one UPDATE with SKIP LOCKED, so two
 * servers on one PostgreSQL never take the same row, and a sender that dies holds its rows
 * only until the claim expires.
 */
async function claim(ctx: AppContext, batch: number): Promise<Claimed[]> {
  const res = await ctx.database.db.execute(sql`
    update sms_outbox set claimed_until = now() + interval '120 seconds', attempts = attempts + 1
    where id in (
      select id from sms_outbox
      where status = 'pending' and (claimed_until is null or claimed_until < now())
      order by created_at, id
      limit ${batch}
      for update skip locked
    )
    returning id, phone_enc, text, attempts`);
  return (res as unknown as { rows: Claimed[] }).rows;
}

async function record(ctx: AppContext, id: string, outcome: { ok: true } | { ok: false; error: string; final: boolean }) {
  if (outcome.ok) {
    await ctx.database.db.execute(sql`update sms_outbox set status = 'sent', sent_at = now(), error = null, claimed_until = null where id = ${id}`);
  } else {
    const status = outcome.final ? 'failed' : 'pending';
    await ctx.database.db.execute(sql`update sms_outbox set status = ${status}, error = ${outcome.error.slice(0, 500)}, claimed_until = null where id = ${id}`);
  }
}

export interface DrainReport {
  sent: number;
  failed: number;
  retry: number;
}

async function drainOnce(ctx: AppContext, batch: number): Promise<DrainReport> {
  const adapter = ctx.sms.adapter;
  const report: DrainReport = { sent: 0, failed: 0, retry: 0 };
  for (;;) {
    const rows = await claim(ctx, batch);
    if (rows.length === 0) return report;
    for (const r of rows) {
      try {
        await adapter.send(ctx.cipher.decrypt(r.phone_enc), r.text);
        await record(ctx, r.id, { ok: true });
        report.sent++;
      } catch (e) {
        const final = r.attempts >= MAX_SMS_ATTEMPTS;
        await record(ctx, r.id, { ok: false, error: e instanceof Error ? e.message : String(e), final });
        if (final) report.failed++;
        else report.retry++;
      }
    }
    // A message that failed is retried on the next drain, not in a tight loop now.
    if (report.retry > 0) return report;
  }
}

/**
 * Sends what is pending. Calls within one process are chained, never run side by side;
 * `smsIdle` lets a test wait for the drain a notice started after it committed.
 */
export function drainSmsOutbox(ctx: AppContext, batch = 50): Promise<DrainReport> {
  const previous = ctx.sms.drain ?? Promise.resolve({ sent: 0, failed: 0, retry: 0 });
  const next = previous.catch(() => undefined).then(() => drainOnce(ctx, batch));
  ctx.sms.drain = next;
  return next;
}

export async function smsIdle(ctx: AppContext): Promise<void> {
  await ctx.sms.drain?.catch(() => undefined);
}

/** The background sender main.ts starts; returns the function that stops it. */
export function startSmsSender(ctx: AppContext, intervalMs = 30_000, onError: (e: unknown) => void = () => undefined): () => Promise<void> {
  const timer = setInterval(() => {
    drainSmsOutbox(ctx).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await smsIdle(ctx);
  };
}
