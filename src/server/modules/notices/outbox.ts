import type { AppContext } from '../../context.js';
import * as repo from './repository.js';

export const MAX_SMS_ATTEMPTS = 3;

async function record(ctx: AppContext, id: string, outcome: { ok: true } | { ok: false; error: string; final: boolean }) {
  if (outcome.ok) await repo.markSmsSent(ctx.database.db, id);
  else await repo.markSmsFailed(ctx.database.db, id, outcome.error, outcome.final);
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
    const rows = await repo.claimSms(ctx.database.db, batch);
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
