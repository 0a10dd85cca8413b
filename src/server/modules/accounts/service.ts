import { isCountyRole, ROLES, type Role } from '../../../domain/accounts/roles.js';
import type { AccountSummary, CountyAccountInput, TownshipAccountInput } from '../../../domain/schemas/accounts.js';
import type { AppContext } from '../../context.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { runUseCase } from '../../use-case.js';
import { actorOf, type Actor, type SessionUser, type TownshipScope } from '../../access/types.js';
import { hashPassword } from '../../security/passwords.js';
import { releasePhones } from '../attendance/index.js';
import { clearSignInFailures, deleteSessionsOfUser, signInHeldNames } from '../auth/index.js';
import { CANNOT_MANAGE, mayCreateRole, mayManage } from './policy.js';
import { issuePassword } from './password.js';
import * as repo from './repository.js';

type Row = Pick<repo.AccountRow, 'id' | 'username' | 'displayName' | 'role' | 'townshipId' | 'delegateId' | 'disabled' | 'lockedUntil' | 'mustChangePassword' | 'createdAt'>;

/** `held`: some source must wait before signing in as this account (the sign-in limits). */
export function toSummary(u: Row, held = false): AccountSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    roleName: ROLES[u.role as Role] ?? u.role,
    townshipId: u.townshipId,
    delegateId: u.delegateId,
    disabled: u.disabled,
    locked: held,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt.toISOString(),
  };
}

/** What an account's audit entry records about it: never the password or its hash. */
const audited = (u: Row) => ({ username: u.username, displayName: u.displayName, role: u.role, townshipId: u.townshipId, delegateId: u.delegateId });

export async function listTownshipAccounts(ctx: AppContext, s: TownshipScope) {
  const rows = await repo.listAccounts(ctx.database.db, { countyId: s.township.countyId, townshipId: s.township.id });
  const held = await signInHeldNames(ctx.database.db, rows.map((r) => r.username));
  return rows.map((r) => toSummary(r, held.has(r.username)));
}

export async function listCountyAccounts(ctx: AppContext, user: SessionUser, q: { townshipId?: string; role?: Role }) {
  const rows = await repo.listAccounts(ctx.database.db, { countyId: user.countyId, ...q });
  const held = await signInHeldNames(ctx.database.db, rows.map((r) => r.username));
  return rows.map((r) => ({ ...toSummary(r, held.has(r.username)), townshipName: r.townshipName }));
}

interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  townshipId: string | null;
  delegateId: string | null;
}

async function createAccount(ctx: AppContext, user: SessionUser, a: NewAccount) {
  if (!mayCreateRole(user, a.role)) throw forbidden(`无权创建“${ROLES[a.role]}”账户`);
  const db = ctx.database.db;
  if (await repo.findByUsername(db, a.username)) throw conflict(`用户名 ${a.username} 已被使用`);
  if (a.delegateId) {
    const d = await repo.findDelegateOfTownship(db, a.townshipId!, a.delegateId);
    if (!d) throw invalid('所选代表不是本乡镇的代表', [{ path: 'delegateId', message: '代表不存在' }]);
    const existing = await repo.findAccountOfDelegate(db, a.townshipId!, a.delegateId);
    if (existing) throw conflict(`代表“${d.name}”已有账户（${existing.username}），每名代表只能有一个账户`);
  }
  const issuedPassword = issuePassword(a.username);
  const passwordHash = await hashPassword(issuedPassword);
  const account = await db.transaction(async (tx) => {
    const u = await repo.insertAccount(tx, { ...a, countyId: user.countyId, passwordHash, mustChangePassword: true });
    await writeAudit(tx, actorOf(user), { townshipId: u.townshipId, action: 'account.create', entity: 'user', entityId: u.id, after: audited(u) });
    return u;
  });
  return { account: toSummary(account), issuedPassword };
}

/** An account made by the installation's local operator (`nianhui account create`), not by a signed-in user. */
export interface OperatorAccount {
  username: string;
  displayName: string;
  role: Exclude<Role, 'delegate'>;
  countyId: string;
  townshipId: string | null;
}

/** Same rules and audit entry as the web's, one transaction; the issued password is shown once. */
export async function createAccountAs(ctx: AppContext, actor: Actor, a: OperatorAccount) {
  if (isCountyRole(a.role) !== (a.townshipId === null)) throw invalid(isCountyRole(a.role) ? '县级账户不属于任何乡镇' : '乡镇账户须指定所属乡镇');
  const issuedPassword = issuePassword(a.username);
  const passwordHash = await hashPassword(issuedPassword);
  const account = await runUseCase(ctx, {
    actor,
    lock: (tx) => repo.findByUsername(tx, a.username),
    decide: async (tx, taken) => {
      if (taken) throw conflict(`用户名 ${a.username} 已被使用`);
      const u = await repo.insertAccount(tx, { ...a, delegateId: null, passwordHash, mustChangePassword: true });
      return { result: u, audit: { townshipId: u.townshipId, countyId: u.countyId, action: 'account.create', entity: 'user', entityId: u.id, after: audited(u) } };
    },
  });
  return { account: toSummary(account), issuedPassword };
}

export function createTownshipAccount(ctx: AppContext, s: TownshipScope, input: TownshipAccountInput) {
  return createAccount(ctx, s.user, { ...input, delegateId: input.delegateId ?? null, townshipId: s.township.id });
}

export async function createCountyAccount(ctx: AppContext, user: SessionUser, input: CountyAccountInput) {
  const townshipId = input.role === 'townshipAdmin' ? input.townshipId! : null;
  if (townshipId && !(await repo.findTownshipOfCounty(ctx.database.db, user.countyId, townshipId))) throw notFound('乡镇');
  return createAccount(ctx, user, { username: input.username, displayName: input.displayName, role: input.role, townshipId, delegateId: null });
}

/** Where a management request addressed the account: through a township, or the county's list. */
export type Reach = { townshipId: string } | { county: true };

async function locate(ctx: AppContext, user: SessionUser, reach: Reach, id: string) {
  const db = ctx.database.db;
  const target = 'townshipId' in reach ? await repo.findAccountInTownship(db, reach.townshipId, id) : await repo.findAccountInCounty(db, user.countyId, id);
  if (!target || target.countyId !== user.countyId) throw notFound('账户');
  if (!mayManage(user, target)) throw forbidden(CANNOT_MANAGE);
  return target;
}

export async function resetPassword(ctx: AppContext, user: SessionUser, reach: Reach, id: string) {
  const target = await locate(ctx, user, reach, id);
  if (target.id === user.id) throw invalid('不能重置自己的密码，请使用“修改密码”');
  const issuedPassword = issuePassword(target.username);
  const passwordHash = await hashPassword(issuedPassword);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateAccount(tx, user.countyId, target.id, { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    // A reset password means the old one may be known to someone else: end every session.
    await deleteSessionsOfUser(tx, target.id);
    await clearSignInFailures(tx, target.username);
    // …and the phone a delegate checked in with is no longer known to be theirs: it must be
    // confirmed again at the hall desk before it votes (the phone says so).
    const phonesReleased = target.delegateId && target.townshipId ? (await releasePhones(tx, target.townshipId, target.delegateId)).length : 0;
    await writeAudit(tx, actorOf(user), { townshipId: target.townshipId, action: 'account.resetPassword', entity: 'user', entityId: target.id, after: { username: target.username, sessionsEnded: true, unlocked: true, phonesReleased } });
  });
  return { issuedPassword };
}

export async function setDisabled(ctx: AppContext, user: SessionUser, reach: Reach, id: string, disabled: boolean) {
  const target = await locate(ctx, user, reach, id);
  if (disabled && target.id === user.id) throw invalid('不能停用自己的账户');
  const after = await ctx.database.db.transaction(async (tx) => {
    const u = await repo.updateAccount(tx, user.countyId, target.id, { disabled });
    if (disabled) await deleteSessionsOfUser(tx, target.id);
    await writeAudit(tx, actorOf(user), {
      townshipId: target.townshipId,
      action: disabled ? 'account.disable' : 'account.enable',
      entity: 'user',
      entityId: target.id,
      before: { username: target.username, disabled: target.disabled },
      after: { username: target.username, disabled },
    });
    return u;
  });
  return toSummary(after);
}

export async function unlock(ctx: AppContext, user: SessionUser, reach: Reach, id: string) {
  const target = await locate(ctx, user, reach, id);
  const after = await ctx.database.db.transaction(async (tx) => {
    const u = await repo.updateAccount(tx, user.countyId, target.id, { failedLogins: 0, lockedUntil: null });
    await clearSignInFailures(tx, target.username);
    await writeAudit(tx, actorOf(user), {
      townshipId: target.townshipId,
      action: 'account.unlock',
      entity: 'user',
      entityId: target.id,
      before: { username: target.username, lockedUntil: target.lockedUntil },
      after: { username: target.username, lockedUntil: null },
    });
    return u;
  });
  return toSummary(after);
}
