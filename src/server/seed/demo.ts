import { eq } from 'drizzle-orm';
import { STATUS_REASONS } from '../../domain/roster/status.js';
import type { DelegateInputT } from '../../domain/schemas/roster.js';
import type { AppContext } from '../context.js';
import type { Tx } from '../db/client.js';
import { delegates, delegateStatusChanges, electoralUnits, terms, users } from '../db/schema/index.js';
import { writeAudit } from '../audit/audit.js';
import { hashPassword } from '../security/passwords.js';
import { initInstallation, SYSTEM_ACTOR } from '../modules/setup/service.js';
import { checkDelegate, toDelegateValues } from '../modules/roster/record.js';
import { createRandom, generateDelegateInputs } from './generate.js';
import { seedDemoGroups } from './demo-groups.js';
import {
  CURRENT_TERM, DEMO_COUNTY, DEMO_COUNTY_ADMIN, DEMO_DELEGATES, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOWNSHIPS,
  PREVIOUS_TERM, STATUS_PLAN, delegateUsername, type DemoTownship,
} from './demo-plan.js';

interface Township {
  id: string;
  countyId: string;
}

/**
 * Fills an empty database with the demo county: three townships, a current term each, about a
 * hundred delegates a township with status histories, vacancies and groups, and an account
 * for every role (password Demo@2026). Deterministic, all in one transaction.
 */
export async function seedDemo(ctx: AppContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.database.db.transaction(async (tx) => {
    const init = await initInstallation(tx, {
      county: DEMO_COUNTY,
      townships: DEMO_TOWNSHIPS.map(({ code, name }) => ({ code, name })),
      admin: { username: DEMO_COUNTY_ADMIN, password: DEMO_PASSWORD, displayName: '演示县委组织部管理员' },
      isDemo: true,
      mustChangePassword: false,
    });
    const summary = [];
    for (const plan of DEMO_TOWNSHIPS) {
      const t = init.townships.find((x) => x.code === plan.code)!;
      summary.push({ code: plan.code, ...(await seedTownship(ctx, tx, t, plan, passwordHash)) });
    }
    await writeAudit(tx, { ...SYSTEM_ACTOR, countyId: init.county.id }, {
      action: 'demo.seed',
      entity: 'county',
      entityId: init.county.id,
      after: { county: DEMO_COUNTY, townships: summary },
    });
  });
}

async function seedTownship(ctx: AppContext, tx: Tx, t: Township, plan: DemoTownship, passwordHash: string) {
  const townshipId = t.id;
  await tx.insert(terms).values({ townshipId, number: plan.termNumber - 1, ...PREVIOUS_TERM, isCurrent: false });
  const [term] = await tx.insert(terms).values({ townshipId, number: plan.termNumber, ...CURRENT_TERM, isCurrent: true }).returning();
  const termId = term!.id;
  const rng = createRandom(plan.seed);
  const inputs = generateDelegateInputs(DEMO_DELEGATES, plan.seed, { townshipName: plan.name, villages: plan.villages, regionCode: plan.regionCode });

  // Six delegates (never the first ten accounts, which the README names) get a history.
  const chosen = rng.shuffle(Array.from({ length: DEMO_DELEGATES - 11 }, (_, i) => i + 10)).slice(0, STATUS_PLAN.length);
  const byElected = DEMO_DELEGATES - 1;
  const replacedIndex = chosen[STATUS_PLAN.findIndex((p) => p.byElectionOn)]!;
  inputs[byElected] = { ...inputs[byElected]!, electoralUnit: inputs[replacedIndex]!.electoralUnit };

  const unitIds = await insertUnits(tx, townshipId, termId, inputs, byElected);
  const rows = inputs.map((input, i) => {
    const checked = checkDelegate(input);
    if (checked.problems.length) throw new Error(`演示数据有误：${input.name} ${checked.problems[0]!.message}`);
    return { ...toDelegateValues(ctx.cipher, input, checked, unitIds.get(input.electoralUnit!)!), townshipId, termId, i };
  });
  const inserted = await tx
    .insert(delegates)
    .values(rows.map(({ i: _i, ...r }) => r))
    .returning({ id: delegates.id, idNumberHash: delegates.idNumberHash });
  const idByHash = new Map(inserted.map((r) => [r.idNumberHash, r.id]));
  const ids = rows.map((r) => idByHash.get(r.idNumberHash!)!);

  const status = new Map<number, string>();
  const changes: (typeof delegateStatusChanges.$inferInsert)[] = [];
  STATUS_PLAN.forEach((p, k) => {
    const index = chosen[k]!;
    let from = 'active';
    for (const step of p.steps) {
      const to = STATUS_REASONS[step.reason].to;
      changes.push({
        townshipId,
        delegateId: ids[index]!,
        fromStatus: from,
        toStatus: to,
        reason: step.reason,
        note: step.note,
        decidedBy: `中共${plan.name}委员会`,
        decidedOn: step.on,
        filedWithCountyOn: step.filedWithCountyOn,
        createdAt: new Date(`${step.on}T10:00:00+08:00`),
      });
      from = to;
    }
    status.set(index, from);
  });
  await tx.insert(delegateStatusChanges).values(changes);
  for (const [k, p] of STATUS_PLAN.entries()) {
    const index = chosen[k]!;
    const last = p.steps[p.steps.length - 1]!;
    await tx.update(delegates).set({ status: status.get(index)!, statusSince: last.on }).where(eq(delegates.id, ids[index]!));
    if (p.byElectionOn) {
      await tx.update(delegates).set({ replacesDelegateId: ids[index]!, statusSince: p.byElectionOn }).where(eq(delegates.id, ids[byElected]!));
    }
  }

  const members = inputs.map((input, i) => ({ id: ids[i]!, input, status: status.get(i) ?? 'active' }));
  const groups = await seedDemoGroups(tx, { townshipId, termId, name: plan.name, villages: plan.villages, seed: plan.seed }, members);
  const accounts = await insertAccounts(tx, t, plan, passwordHash, members);
  return { delegates: inputs.length, groups, accounts };
}

async function insertUnits(tx: Tx, townshipId: string, termId: string, inputs: DelegateInputT[], byElected: number) {
  const seats = new Map<string, number>();
  // A by-election fills an existing seat: it adds none.
  inputs.forEach((d, i) => {
    if (i !== byElected) seats.set(d.electoralUnit!, (seats.get(d.electoralUnit!) ?? 0) + 1);
  });
  const rows = await tx
    .insert(electoralUnits)
    .values([...seats].map(([name, n]) => ({ townshipId, termId, name, seats: n })))
    .returning({ id: electoralUnits.id, name: electoralUnits.name });
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function insertAccounts(
  tx: Tx,
  t: Township,
  plan: DemoTownship,
  passwordHash: string,
  members: { id: string; input: DelegateInputT; status: string }[],
) {
  const base = { passwordHash, countyId: t.countyId, townshipId: t.id, mustChangePassword: false };
  const code = plan.code.toLowerCase();
  const staff = DEMO_STAFF.map((s) => ({ ...base, username: `${code}-${s.suffix}`, displayName: `${plan.name}${s.title}`, role: s.role }));
  // A terminated delegate keeps the account for the record, but can no longer sign in.
  const own = members.map((m, i) => ({
    ...base,
    username: delegateUsername(plan.code, i),
    displayName: m.input.name,
    role: 'delegate',
    delegateId: m.id,
    disabled: m.status === 'terminated',
  }));
  await tx.insert(users).values([...staff, ...own]);
  return staff.length + own.length;
}
