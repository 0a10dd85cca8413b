import type { DelegateBodyT, DelegateInputT } from '../../../domain/schemas/roster.js';
import { cleanCell, cleanName } from '../../../domain/text/clean.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { writeAudit } from '../../audit/audit.js';
import { checkDelegate, toDelegateValues } from './record.js';
import { auditView, decryptField } from './presenter.js';
import * as repo from './repository.js';
import { requireCurrentTerm } from '../terms/index.js';
import { loadSummary } from './service.js';

const blank = (v: string | null | undefined) => {
  const t = v == null ? '' : cleanCell(v);
  return t === '' ? null : t;
};

/** Empty strings from a form mean "not given"; names lose padding spaces ('张  三'). */
function normalise(body: DelegateBodyT): DelegateInputT {
  return {
    name: cleanName(body.name),
    gender: body.gender,
    ethnicity: blank(body.ethnicity) ?? '汉族',
    birthDate: blank(body.birthDate),
    partyJoinDate: blank(body.partyJoinDate),
    education: blank(body.education),
    workplace: blank(body.workplace),
    category: blank(body.category),
    electoralUnit: blank(body.electoralUnit),
    phone: blank(body.phone),
    idNumber: blank(body.idNumber),
  };
}

function checked(input: DelegateInputT) {
  const c = checkDelegate(input);
  if (input.name === '') c.problems.unshift({ field: 'name', message: '请填写姓名' });
  const [first, ...rest] = c.problems;
  if (first) throw invalid(rest.length ? `${first.message}（另有 ${rest.length} 处问题）` : first.message, c.problems);
  return c;
}

async function checkIdNumberFree(ctx: AppContext, tx: Executor, townshipId: string, termId: string, idNumber: string | null, selfId?: string) {
  if (!idNumber) return;
  const holder = await repo.findByIdNumberHash(tx, townshipId, termId, ctx.cipher.digest(idNumber));
  if (holder && holder.id !== selfId) throw conflict(`身份证号已被代表${holder.name}使用`);
}

/** A by-elected delegate fills the seat of a terminated delegate of the same term, once. */
async function checkReplaces(tx: Executor, townshipId: string, termId: string, replacedId: string, selfId?: string) {
  if (replacedId === selfId) throw invalid('代表不能补自己的缺额');
  const replaced = await repo.findDelegate(tx, townshipId, replacedId);
  if (!replaced || replaced.delegate.termId !== termId) throw notFound('被补选的代表');
  if (replaced.delegate.status !== 'terminated') throw invalid(`代表${replaced.delegate.name}的资格未终止，没有缺额可补`);
  const filler = await repo.findReplacement(tx, townshipId, replacedId);
  if (filler && filler.id !== selfId) throw conflict(`代表${replaced.delegate.name}的缺额已由${filler.name}补选`);
}

const unitId = async (tx: Executor, townshipId: string, termId: string, name: string | null | undefined) =>
  name ? (await repo.findOrCreateUnit(tx, townshipId, termId, name)).id : null;

export async function createDelegate(ctx: AppContext, s: TownshipScope, body: DelegateBodyT) {
  const input = normalise(body);
  const numbers = checked(input);
  const townshipId = s.township.id;
  return ctx.database.db.transaction(async (tx) => {
    const term = await requireCurrentTerm(tx, townshipId);
    await checkIdNumberFree(ctx, tx, townshipId, term.id, numbers.idNumber);
    if (body.replacesDelegateId) await checkReplaces(tx, townshipId, term.id, body.replacesDelegateId);
    const values = toDelegateValues(ctx.cipher, input, numbers, await unitId(tx, townshipId, term.id, input.electoralUnit));
    const row = await repo.insertDelegate(tx, { ...values, townshipId, termId: term.id, replacesDelegateId: body.replacesDelegateId ?? null });
    await writeAudit(tx, actorOf(s.user), { townshipId, action: 'delegate.create', entity: 'delegate', entityId: row.id, after: auditView(ctx.cipher, row) });
    return (await loadSummary(ctx, tx, townshipId, row.id)).summary;
  });
}

export async function updateDelegate(ctx: AppContext, s: TownshipScope, id: string, body: DelegateBodyT) {
  const input = normalise(body);
  const townshipId = s.township.id;
  return ctx.database.db.transaction(async (tx) => {
    const before = await repo.findDelegate(tx, townshipId, id);
    if (!before) throw notFound('代表');
    // A form that never showed the full numbers leaves them out: absent keeps the stored value.
    if (body.phone === undefined) input.phone = decryptField(ctx.cipher, before.delegate.phoneEnc);
    if (body.idNumber === undefined) input.idNumber = decryptField(ctx.cipher, before.delegate.idNumberEnc);
    const numbers = checked(input);
    const termId = before.delegate.termId;
    await checkIdNumberFree(ctx, tx, townshipId, termId, numbers.idNumber, id);
    // Absent leaves the link as it is; null clears it.
    if (body.replacesDelegateId) await checkReplaces(tx, townshipId, termId, body.replacesDelegateId, id);
    const values = toDelegateValues(ctx.cipher, input, numbers, await unitId(tx, townshipId, termId, input.electoralUnit));
    const after = await repo.updateDelegate(tx, townshipId, id, {
      ...values,
      ...(body.replacesDelegateId === undefined ? {} : { replacesDelegateId: body.replacesDelegateId }),
    });
    await writeAudit(tx, actorOf(s.user), {
      townshipId,
      action: 'delegate.update',
      entity: 'delegate',
      entityId: id,
      before: auditView(ctx.cipher, before.delegate),
      after: auditView(ctx.cipher, after!),
    });
    return (await loadSummary(ctx, tx, townshipId, id)).summary;
  });
}
