import { checkPasswordStrength } from '../../../domain/accounts/password.js';
import { guessabilityProblem } from '../../../domain/accounts/guessability.js';
import type { AppContext } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { randomToken, sm3 } from '../../security/crypto.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../security/passwords.js';
import { actorOf, type Actor, type SessionUser } from '../../access/types.js';
import * as repo from './repository.js';
import { deviceOf, issueDeviceMark } from './device-mark.js';
import { admit, failed, passwordChangeCounters, signInCounters, succeeded } from './throttle.js';

const FAIL = () => new AppError('UNAUTHENTICATED', '用户名或密码错误');

/**
 * Signs in. A wrong password, an unknown name and an attempt that must wait answer alike for
 * every name (401, or 429 with the same wait), so nobody learns whether an account exists;
 * nothing locks an account (see throttle.ts). A disabled account is named only to someone who
 * gave its password.
 */
export async function login(ctx: AppContext, username: string, password: string, ip: string, deviceMark?: string) {
  const db = ctx.database.db;
  const counters = signInCounters(username, ip, deviceOf(ctx.cipher, username, deviceMark));
  await admit(db, counters);
  const user = await repo.findUserByUsername(db, username);
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user || !ok) {
    if (user) await db.transaction((tx) => writeAudit(tx, actorOfRow(user), { action: 'auth.loginFailed', entity: 'user', entityId: user.id, after: { ip } }));
    await failed(db, counters);
    throw FAIL();
  }
  if (user.disabled) throw new AppError('FORBIDDEN', '该账户已停用，请联系管理员');
  const now = new Date();
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.transaction(async (tx) => {
    await succeeded(tx, counters);
    await repo.insertSession(tx, {
      id: sm3(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + ctx.config.sessionIdleMinutes * 60_000),
    });
    await writeAudit(tx, actorOfRow(user), { action: 'auth.login', entity: 'user', entityId: user.id, after: { ip } });
  });
  return { token, csrfToken, mustChangePassword: user.mustChangePassword, deviceMark: issueDeviceMark(ctx.cipher, username) };
}

const actorOfRow = (user: repo.UserRow): Actor => ({ userId: user.id, name: `${user.displayName}（${user.username}）`, countyId: user.countyId, townshipId: user.townshipId });

export async function logout(ctx: AppContext, user: SessionUser) {
  await ctx.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, user.sessionId);
    await writeAudit(tx, actorOf(user), { action: 'auth.logout', entity: 'user', entityId: user.id });
  });
}

/**
 * Changes one's own password (also the first change after an issued one). Guesses of the current
 * password are limited like sign-ins; the new one must pass the complexity rules and not be easy
 * to guess (zxcvbn) nor the current one; every other session of the user ends.
 */
export async function changePassword(ctx: AppContext, user: SessionUser, current: string, next: string) {
  const db = ctx.database.db;
  const counters = passwordChangeCounters(user.username);
  await admit(db, counters);
  const row = await repo.findUserById(db, user.id);
  if (!row || !(await verifyPassword(row.passwordHash, current))) throw invalid('当前密码不正确');
  await db.transaction((tx) => succeeded(tx, counters));
  const weak = checkPasswordStrength(next, row.username) ?? guessabilityProblem(next, [row.username, row.displayName]);
  if (weak) throw invalid(weak);
  if (await verifyPassword(row.passwordHash, next)) throw invalid('新密码不能与当前密码相同');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    // Whoever else knew the old password loses the sessions it opened.
    const ended = await repo.deleteOtherSessionsOfUser(tx, user.id, user.sessionId);
    await writeAudit(tx, actorOf(user), { action: 'auth.passwordChanged', entity: 'user', entityId: user.id, after: { otherSessionsEnded: ended } });
  });
}
