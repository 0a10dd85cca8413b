import { checkPasswordStrength, lockoutAfterFailure } from '../../../domain/accounts/password.js';
import type { AppContext } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { writeAudit, type Actor } from '../../audit/audit.js';
import { randomToken, sm3 } from '../../security/crypto.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../security/passwords.js';
import type { SessionUser } from '../../http/session.js';
import { actorOf } from '../../http/session.js';
import * as repo from './repository.js';
import { FailureThrottle } from './throttle.js';

const FAIL = () => new AppError('UNAUTHENTICATED', '用户名或密码错误');

const failuresByAddress = new FailureThrottle();

export async function login(ctx: AppContext, username: string, password: string, ip: string) {
  const wait = failuresByAddress.waitSeconds(ip);
  if (wait > 0) throw new AppError('RATE_LIMITED', `该网络地址登录失败次数过多，请 ${wait} 秒后再试`);
  try {
    return await verifyLogin(ctx, username, password, ip);
  } catch (e) {
    if (e instanceof AppError && (e.code === 'UNAUTHENTICATED' || e.code === 'ACCOUNT_LOCKED')) failuresByAddress.fail(ip);
    throw e;
  }
}

async function verifyLogin(ctx: AppContext, username: string, password: string, ip: string) {
  const db = ctx.database.db;
  const user = await repo.findUserByUsername(db, username);
  if (!user) {
    await verifyPassword(DUMMY_HASH, password);
    throw FAIL();
  }
  const now = new Date();
  if (user.disabled) throw new AppError('FORBIDDEN', '该账户已停用，请联系管理员');
  if (user.lockedUntil && user.lockedUntil > now) {
    const t = user.lockedUntil.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
    throw new AppError('ACCOUNT_LOCKED', `连续登录失败次数过多，账户已锁定，请于 ${t} 后重试`);
  }
  const actor: Actor = { userId: user.id, name: `${user.displayName}（${user.username}）`, countyId: user.countyId, townshipId: user.townshipId };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const next = lockoutAfterFailure(user.failedLogins, now);
    await db.transaction(async (tx) => {
      await repo.updateUser(tx, user.id, next);
      await writeAudit(tx, actor, { action: next.lockedUntil ? 'auth.locked' : 'auth.loginFailed', entity: 'user', entityId: user.id, after: { ip } });
    });
    if (next.lockedUntil) throw new AppError('ACCOUNT_LOCKED', '连续登录失败次数过多，账户已锁定 15 分钟');
    throw FAIL();
  }
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await repo.insertSession(tx, {
      id: sm3(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + ctx.config.sessionIdleMinutes * 60_000),
    });
    await writeAudit(tx, actor, { action: 'auth.login', entity: 'user', entityId: user.id, after: { ip } });
  });
  return { token, csrfToken, mustChangePassword: user.mustChangePassword };
}

export async function logout(ctx: AppContext, user: SessionUser) {
  await ctx.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, user.sessionId);
    await writeAudit(tx, actorOf(user), { action: 'auth.logout', entity: 'user', entityId: user.id });
  });
}

export async function changePassword(ctx: AppContext, user: SessionUser, current: string, next: string) {
  const row = await repo.findUserById(ctx.database.db, user.id);
  if (!row || !(await verifyPassword(row.passwordHash, current))) throw invalid('当前密码不正确');
  const weak = checkPasswordStrength(next, row.username);
  if (weak) throw invalid(weak);
  if (await verifyPassword(row.passwordHash, next)) throw invalid('新密码不能与当前密码相同');
  const passwordHash = await hashPassword(next);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false });
    await writeAudit(tx, actorOf(user), { action: 'auth.passwordChanged', entity: 'user', entityId: user.id });
  });
}
