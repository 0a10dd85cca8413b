import type { Choice } from '../../../domain/meeting/poll.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import type { Actor } from '../../access/types.js';
import { writeNamedBallots, writeSecretBallots } from './ballot-repository.js';

/**
 * The ballot box of one poll in this process. Ballots that arrive while a write is in flight
 * wait and go together in the next one (group commit): a burst of 2,000 ballots becomes a
 * few dozen transactions instead of 2,000 fighting over one counter row, and a quiet poll
 * still writes each ballot at once. A ballot is acknowledged only after its transaction
 * commits.
 *
 * Secret ballots (privacy design): the transaction flips `poll_eligible.has_voted` and adds
 * to the poll's counters in `poll_secret_tally` (ballot-repository.ts) — one row per poll, no row per ballot — so no
 * key, time or row order ties a choice to a voter. Nothing about a secret ballot is audited
 * or logged (errors are re-raised without their parameters). When the poll closes,
 * `scrubSecretPoll` rewrites the counter row and the snapshot rows in delegate order, so that
 * even the system columns (xmin, ctid) of the live rows no longer show who voted in which
 * transaction or in what order.
 */

const MAX_BATCH = 500;
const RETRIES = 3;

export interface Ballot {
  delegateId: string;
  choice: Choice;
  /** The phone it comes from (attendance `deviceKeyOf` the session): only the bound one counts. */
  deviceKey: string;
  /** For the audit entry of a named vote. */
  actor: Actor;
}

interface Entry extends Ballot {
  resolve(accepted: boolean): void;
  reject(e: unknown): void;
}

export interface PollKey {
  id: string;
  townshipId: string;
  meetingId: string;
  method: 'named' | 'secret';
}

const retryable = (e: unknown) => ['40P01', '40001'].includes((e as { code?: string })?.code ?? (e as { cause?: { code?: string } })?.cause?.code ?? '');

export class BallotBox {
  private queue: Entry[] = [];
  private running = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly poll: PollKey,
  ) {}

  /** Resolves true once the ballot is committed, false when it was not accepted (the caller finds out why). */
  submit(b: Ballot): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...b, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run() {
    this.running = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      // One delegate twice in a batch: the first counts, the rest are refused as repeats.
      const first = new Map<string, Entry>();
      const repeats: Entry[] = [];
      for (const e of batch) {
        if (first.has(e.delegateId)) repeats.push(e);
        else first.set(e.delegateId, e);
      }
      try {
        const accepted = await this.write([...first.values()]);
        for (const e of first.values()) e.resolve(accepted.has(e.delegateId));
        for (const e of repeats) e.resolve(false);
      } catch (err) {
        // Never pass the error on as is: a driver error may quote the parameters (voters and choices).
        const code = (err as { code?: string })?.code ?? (err as { cause?: { code?: string } })?.cause?.code ?? 'unknown';
        const safe = new AppError('BUSY', '投票暂时未能保存，请稍后重试', { code });
        for (const e of batch) e.reject(safe);
      }
    }
    this.running = false;
  }

  private async write(entries: Entry[]): Promise<Set<string>> {
    const input = JSON.stringify(entries.map((e) => ({ d: e.delegateId, c: e.choice, k: e.deviceKey })));
    for (let attempt = 1; ; attempt++) {
      try {
        return this.poll.method === 'secret' ? await this.writeSecret(input) : await this.writeNamed(input, entries);
      } catch (e) {
        if (attempt >= RETRIES || !retryable(e)) throw e;
      }
    }
  }

  /** One statement, one round trip, its own transaction. */
  private async writeSecret(input: string) {
    return new Set(await writeSecretBallots(this.ctx.database, this.poll, input));
  }

  /** Named votes are public: each is audited, in the same transaction. */
  private async writeNamed(input: string, entries: Entry[]) {
    const byDelegate = new Map(entries.map((e) => [e.delegateId, e]));
    return this.ctx.database.db.transaction(async (tx) => {
      const rows = await writeNamedBallots(tx, this.poll, input);
      for (const r of rows) {
        await writeAudit(tx, byDelegate.get(r.delegate_id)!.actor, {
          townshipId: this.poll.townshipId,
          action: 'poll.vote',
          entity: 'poll',
          entityId: this.poll.id,
          after: { delegateId: r.delegate_id, choice: r.choice },
        });
      }
      return new Set(rows.map((r) => r.delegate_id));
    });
  }
}

export function ballotBoxOf(ctx: AppContext, poll: PollKey): BallotBox {
  let b = ctx.polls.boxes.get(poll.id);
  if (!b) ctx.polls.boxes.set(poll.id, (b = new BallotBox(ctx, poll)));
  return b;
}

export function forgetBallotBox(ctx: AppContext, pollId: string) {
  ctx.polls.boxes.delete(pollId);
}
