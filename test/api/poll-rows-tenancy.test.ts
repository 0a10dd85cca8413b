import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import * as polls from '../../src/server/modules/polls/repository.js';
import { scrubSecretPoll, writeSecretBallots } from '../../src/server/modules/polls/ballot-repository.js';
import * as topics from '../../src/server/modules/topics/repository.js';
import { topicCosignatures, topics as topicTable } from '../../src/server/db/schema/index.js';
import { clientOf, createMeeting, delegateLogins, markPresent, type MeetingFixture } from './vote-fixtures.js';

/**
 * The rows under a poll (snapshot, named votes, secret counters) and a topic's signatures carry
 * their township, and every query on them is scoped by it: asked with another township's id, a
 * repository finds nothing and changes nothing, even given the right poll or topic id.
 */
describe(`poll rows and signatures belong to one township (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let f: MeetingFixture;
  let secretId: string;
  let namedId: string;
  let other: string;
  const db = () => w.ctx.database.db;

  let phones: ApiClient[];

  const runPoll = async (method: 'secret' | 'named', choices: string[]) => {
    const base = `/api/townships/${f.townshipId}`;
    const created = await admin.post(`${base}/meetings/${f.meetingId}/polls`, { title: `表决${method}`, method });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await admin.post(`${base}/polls/${id}/open`)).status).toBe(200);
    for (const [i, choice] of choices.entries()) expect((await phones[i]!.post(`/api/me/polls/${id}/vote`, { choice })).status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    other = w.townships.b.id;
    f = await createMeeting(db(), w, { delegates: 6 });
    phones = (await delegateLogins(db(), w, 'a', f.delegateIds)).map((l) => clientOf(w.app, l));
    await markPresent(db(), f, f.delegateIds);
    namedId = await runPoll('named', ['yes', 'abstain', 'no']);
    expect((await admin.post(`/api/townships/${f.townshipId}/polls/${namedId}/close`)).status).toBe(200);
    // Left open: three of six have voted.
    secretId = await runPoll('secret', ['yes', 'yes', 'no']);
  });
  afterAll(() => w.close());

  it('stores the township on every row of a poll, taken from the poll', async () => {
    for (const table of ['poll_eligible', 'poll_named_votes', 'poll_secret_tally']) {
      const rows = await w.ctx.database.query<{ n: number }>(
        `select count(*)::int as n from ${table} r join polls p on p.id = r.poll_id where r.township_id is distinct from p.township_id`,
      );
      expect(rows[0]!.n, table).toBe(0);
    }
  });

  it('reads nothing of a poll through another township', async () => {
    const d = f.delegateIds[0]!;
    expect(await polls.eligibility(db(), f.townshipId, secretId, d)).toEqual({ hasVoted: true });
    expect(await polls.eligibility(db(), other, secretId, d)).toBeUndefined();
    expect(await polls.secretCounts(db(), f.townshipId, secretId)).toEqual({ yes: 2, no: 1, abstain: 0 });
    expect(await polls.secretCounts(db(), other, secretId)).toEqual({ yes: 0, no: 0, abstain: 0 });
    expect(await polls.namedCounts(db(), f.townshipId, namedId)).toEqual({ yes: 1, no: 1, abstain: 1 });
    expect(await polls.namedCounts(db(), other, namedId)).toEqual({ yes: 0, no: 0, abstain: 0 });
    expect((await polls.namedVotes(db(), other, namedId)).length).toBe(0);
    expect((await polls.votedCounts(db(), other, [secretId, namedId])).size).toBe(0);
    expect((await polls.ballotPage(db(), other, f.meetingId, d)).length).toBe(0);
  });

  it('changes nothing of a poll through another township', async () => {
    const rowsOf = () => w.ctx.database.query<{ delegate_id: string; has_voted: boolean; x: string }>('select delegate_id, has_voted, xmin::text as x from poll_eligible where poll_id = $1 order by delegate_id', [secretId]);
    const before = await rowsOf();
    // A ballot of a delegate who has not voted yet, addressed with the wrong township: not counted.
    expect(await writeSecretBallots(w.ctx.database, { id: secretId, townshipId: other, meetingId: f.meetingId }, JSON.stringify([{ d: f.delegateIds[5]!, c: 'yes' }]))).toEqual([]);
    // Nor are the snapshot rows rewritten.
    await db().transaction((tx) => scrubSecretPoll(tx, other, secretId));
    expect(await rowsOf()).toEqual(before);
    expect(await polls.secretCounts(db(), f.townshipId, secretId)).toEqual({ yes: 2, no: 1, abstain: 0 });
    // The delegate can still vote in their own township.
    expect((await phones[5]!.post(`/api/me/polls/${secretId}/vote`, { choice: 'abstain' })).status).toBe(200);
    expect(await polls.secretCounts(db(), f.townshipId, secretId)).toEqual({ yes: 2, no: 1, abstain: 1 });
  });

  it('reads and removes no signature through another township', async () => {
    const [topic] = await db()
      .insert(topicTable)
      .values({ townshipId: f.townshipId, meetingId: f.meetingId, title: '联名议题', content: '内容', proposerKind: 'delegates', initiatorDelegateId: f.delegateIds[0]!, status: 'collecting' })
      .returning();
    await topics.addSignatures(db(), f.townshipId, topic!.id, [f.delegateIds[1]!], 'online');
    expect(await topics.hasSigned(db(), f.townshipId, topic!.id, f.delegateIds[1]!)).toBe(true);
    expect(await topics.hasSigned(db(), other, topic!.id, f.delegateIds[1]!)).toBe(false);
    expect(await topics.countSignatures(db(), f.townshipId, topic!.id)).toBe(1);
    expect(await topics.countSignatures(db(), other, topic!.id)).toBe(0);
    expect(await topics.removeSignature(db(), other, topic!.id, f.delegateIds[1]!)).toBe(0);
    const [left] = await db().select({ n: sql<number>`count(*)::int` }).from(topicCosignatures);
    expect(left!.n).toBe(1);
  });
});
