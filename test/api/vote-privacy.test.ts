import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { sm3 } from '../../src/server/security/crypto.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { clientOf, createMeeting, delegateLogins, markPresent, type DelegateLogin, type MeetingFixture } from './vote-fixtures.js';

const CHOICE_WORDS = ['yes', 'no', 'abstain', '赞成', '反对', '弃权'];

/** Every row of every table, physical order, with the system columns a DBA could read. */
async function dumpAll(w: TestWorld) {
  const q = w.ctx.database.query.bind(w.ctx.database);
  const tables = await q<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const dump: Record<string, Record<string, unknown>[]> = {};
  for (const t of tables) dump[`${t.schema}.${t.name}`] = await q(`select xmin::text as "_xmin", ctid::text as "_ctid", * from "${t.schema}"."${t.name}"`);
  return dump;
}

/** Every string in a value, however deeply nested (jsonb columns included). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    out.push(v);
    if (/^[[{]/.test(v)) {
      try {
        strings(JSON.parse(v), out);
      } catch {
        /* not JSON */
      }
    }
  } else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object' && !(v instanceof Date)) Object.values(v).forEach((x) => strings(x, out));
  return out;
}

describe(`a secret ballot cannot be linked to its voter (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let logged: FastifyInstance;
  const logs: string[] = [];
  let f: MeetingFixture;
  let logins: DelegateLogin[];
  let pollId: string;
  const pattern = ['yes', 'no', 'yes', 'abstain', 'yes', 'no', 'yes'];

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    // The same server, with its logs captured at the most verbose level.
    logged = await buildApp(w.ctx, { logger: { level: 'trace', stream: { write: (line: string) => logs.push(line) } } });
    f = await createMeeting(w.ctx.database.db, w, { delegates: 8 });
    logins = await delegateLogins(w.ctx.database.db, w, 'a', f.delegateIds);
    await markPresent(w.ctx.database.db, f, f.delegateIds);
    const p = await admin.post(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/polls`, { title: '关于党委工作报告的决议', method: 'secret' });
    pollId = p.body.id;
    await admin.post(`/api/townships/${f.townshipId}/polls/${pollId}/open`);
    // Voters in a scrambled order, one refused repeat among them.
    for (const i of [3, 0, 6, 1, 5, 2, 4]) {
      expect((await clientOf(logged, logins[i]!).post(`/api/me/polls/${pollId}/vote`, { choice: pattern[i] })).status).toBe(200);
    }
    expect((await clientOf(logged, logins[3]!).post(`/api/me/polls/${pollId}/vote`, { choice: 'no' })).status).toBe(409);
  });
  afterAll(async () => {
    await logged.close();
    await w.close();
  });

  const voterIds = () => logins.slice(0, 7).flatMap((l, i) => [f.delegateIds[i]!, l.userId, l.username, l.token, sm3(l.token), l.csrf]);

  const assertNoLink = (dump: Record<string, Record<string, unknown>[]>) => {
    const ids = new Set(voterIds());
    const offending: string[] = [];
    for (const [table, rows] of Object.entries(dump)) {
      for (const row of rows) {
        const s = strings(row);
        // No choice is written anywhere as a value: not with a voter, not alone as a ballot row.
        if (s.some((x) => CHOICE_WORDS.includes(x))) offending.push(`${table}: ${JSON.stringify(row)}`);
        if (s.some((x) => ids.has(x)) && JSON.stringify(row).match(/"choice"/)) offending.push(`${table} (voter + choice): ${JSON.stringify(row)}`);
      }
    }
    expect(offending).toEqual([]);
  };

  it('while the poll is open: the dump holds who has voted and the totals, never a choice by a voter', async () => {
    const dump = await dumpAll(w);
    assertNoLink(dump);
    expect(dump['public.poll_named_votes']).toEqual([]);
    const mine = dump['public.poll_eligible']!.filter((r) => r.poll_id === pollId);
    expect(mine.filter((r) => r.has_voted).length).toBe(7);
    expect(mine.every((r) => r.voted_at === null)).toBe(true);
    const [tally] = dump['public.poll_secret_tally']!.filter((r) => r.poll_id === pollId);
    expect(tally).toMatchObject({ yes: 4, no: 2, abstain: 1 });
  });

  it('after closing: no row order or transaction id tells who voted when', async () => {
    expect((await admin.post(`/api/townships/${f.townshipId}/polls/${pollId}/close`)).body.result).toMatchObject({ yes: 4, no: 2, abstain: 1, notVoted: 1 });
    const dump = await dumpAll(w);
    assertNoLink(dump);
    const mine = dump['public.poll_eligible']!.filter((r) => r.poll_id === pollId);
    // Physical order is delegate order, not voting order.
    expect(mine.map((r) => r.delegate_id)).toEqual([...f.delegateIds].sort());
    // One transaction id for every row and the counters: the closing transaction's.
    const [tally] = dump['public.poll_secret_tally']!.filter((r) => r.poll_id === pollId);
    expect(new Set([...mine.map((r) => r._xmin), tally!._xmin]).size).toBe(1);
    // The audit log records the opening and the closing, not one secret ballot.
    const audit = dump['public.audit_log']!.filter((r) => r.entity_id === pollId).map((r) => r.action);
    expect(audit.sort()).toEqual(['poll.close', 'poll.create', 'poll.open']);
  });

  it('the server logs hold neither the voters nor the choices', () => {
    expect(logs.length).toBeGreaterThan(14);
    const ids = voterIds();
    const leaks = logs.filter((line) => ids.some((id) => line.includes(id)) || CHOICE_WORDS.some((c) => line.includes(`"${c}"`)) || /choice/i.test(line));
    expect(leaks).toEqual([]);
  });
});
