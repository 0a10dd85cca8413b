import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { pollEligible, pollSecretTally } from '../../db/schema/index.js';

/** The poll a batch of ballots goes into: open, of this township, and of this method. */
export interface BallotPoll {
  id: string;
  townshipId: string;
  meetingId: string;
}

const SECRET_SQL = `
with inp as (select * from jsonb_to_recordset($3::jsonb) as i(d uuid, c text, k text)),
p as (select id from polls where id = $1 and township_id = $2 and status = 'open' and method = 'secret' for share),
e as (update poll_eligible pe set has_voted = true from inp
      where pe.township_id = $2 and pe.poll_id = (select id from p) and pe.delegate_id = inp.d and not pe.has_voted
        and exists (select 1 from meeting_attendance ma where ma.meeting_id = $4 and ma.township_id = $2 and ma.delegate_id = inp.d and ma.device_key = inp.k)
      returning pe.delegate_id),
n as (select (count(*) filter (where inp.c = 'yes'))::int as y, (count(*) filter (where inp.c = 'no'))::int as n,
             (count(*) filter (where inp.c = 'abstain'))::int as a
      from e join inp on inp.d = e.delegate_id),
t as (update poll_secret_tally st set yes = st.yes + n.y, no = st.no + n.n, abstain = st.abstain + n.a
      from n where st.township_id = $2 and st.poll_id = (select id from p) and n.y + n.n + n.a > 0 returning 1)
select delegate_id from e`;

/**
 * Secret ballots, `input` a JSON array of `{d: delegateId, c: choice, k: device key}`, each counted
 * only from the phone bound at check-in: one statement, one round
 * trip, its own transaction. Flips `has_voted` of those who had not voted and adds their choices
 * to the poll's counters; returns the delegates whose ballot counted.
 */
export async function writeSecretBallots(database: Database, poll: BallotPoll, input: string) {
  const rows = await database.query<{ delegate_id: string }>(SECRET_SQL, [poll.id, poll.townshipId, input, poll.meetingId]);
  return rows.map((r) => r.delegate_id);
}

/** Named ballots, inside the caller's transaction (which audits each): the choices that counted. */
export async function writeNamedBallots(tx: Executor, poll: BallotPoll, input: string) {
  const { id, townshipId, meetingId } = poll;
  const res = await tx.execute(sql`
    with inp as (select * from jsonb_to_recordset(${input}::jsonb) as i(d uuid, c text, k text)),
    p as (select id from polls where id = ${id} and township_id = ${townshipId} and status = 'open' and method = 'named' for share),
    e as (update poll_eligible pe set has_voted = true, voted_at = now() from inp
          where pe.township_id = ${townshipId} and pe.poll_id = (select id from p) and pe.delegate_id = inp.d and not pe.has_voted
            and exists (select 1 from meeting_attendance ma where ma.meeting_id = ${meetingId} and ma.township_id = ${townshipId} and ma.delegate_id = inp.d and ma.device_key = inp.k)
          returning pe.delegate_id)
    insert into poll_named_votes (poll_id, delegate_id, township_id, choice)
    select ${id}::uuid, e.delegate_id, ${townshipId}::uuid, inp.c from e join inp on inp.d = e.delegate_id
    returning delegate_id, choice`);
  return (res as unknown as { rows: { delegate_id: string; choice: string }[] }).rows;
}

/** Rewrites a closed secret poll's rows so that no system column keeps the voting order (see ballot-box.ts). */
export async function scrubSecretPoll(tx: Executor, townshipId: string, pollId: string) {
  const ofPoll = (t: typeof pollEligible | typeof pollSecretTally) => and(eq(t.townshipId, townshipId), eq(t.pollId, pollId));
  await tx.update(pollSecretTally).set({ yes: sql`${pollSecretTally.yes}` }).where(ofPoll(pollSecretTally));
  const rows = await tx.select({ delegateId: pollEligible.delegateId, hasVoted: pollEligible.hasVoted }).from(pollEligible).where(ofPoll(pollEligible)).orderBy(asc(pollEligible.delegateId));
  await tx.delete(pollEligible).where(ofPoll(pollEligible));
  for (let i = 0; i < rows.length; i += 5000) {
    await tx.insert(pollEligible).values(rows.slice(i, i + 5000).map((r) => ({ pollId, townshipId, delegateId: r.delegateId, hasVoted: r.hasVoted })));
  }
}

/** Reclaims the dead row versions a secret poll left behind; outside any transaction, best effort. */
export async function vacuumSecretTables(database: Database) {
  await database.query('vacuum poll_eligible, poll_secret_tally').catch(() => undefined);
}
