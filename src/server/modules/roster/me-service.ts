import type { AppContext } from '../../context.js';
import { forbidden, notFound } from '../../errors.js';
import type { SessionUser } from '../../access/types.js';
import { findTownship } from '../tenancy/index.js';
import { groupsOfMember, membersOf } from '../groups/index.js';
import { decryptField } from './presenter.js';
import { loadSummary } from './service.js';
import { findTerm } from '../terms/index.js';

/** A delegate's own record: their phone in full (it is theirs), their groups and fellow members. */
export async function getMyDelegate(ctx: AppContext, user: SessionUser) {
  if (user.role !== 'delegate') throw forbidden('仅党代表账户可查看本人代表信息');
  if (!user.delegateId || !user.townshipId) throw notFound('本账户关联的代表');
  const db = ctx.database.db;
  const townshipId = user.townshipId;
  const { row, summary } = await loadSummary(ctx, db, townshipId, user.delegateId);
  const township = await findTownship(db, townshipId);
  const term = await findTerm(db, townshipId, row.delegate.termId);
  const groups = await groupsOfMember(db, townshipId, user.delegateId);
  const members = await membersOf(db, townshipId, groups.map((g) => g.group.id));
  const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);
  return {
    delegate: { ...summary, phone: decryptField(ctx.cipher, row.delegate.phoneEnc) },
    township: { id: township!.id, name: township!.name },
    term: { number: term!.number },
    groups: groups.map(({ group: g, leaderName, deputyName }) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      leader: ref(g.leaderId, leaderName),
      deputyLeader: ref(g.deputyLeaderId, deputyName),
      members: members.filter((m) => m.groupId === g.id).map((m) => ({ id: m.id, name: m.name })),
    })),
  };
}
