import { checkPasswordStrength } from '../../../domain/accounts/password.js';
import type { Role } from '../../../domain/accounts/roles.js';
import type { Executor } from '../../db/client.js';
import { writeAudit } from '../../audit/audit.js';
import { hashPassword } from '../../security/passwords.js';
import { conflict, invalid } from '../../errors.js';
import { insertAccount } from '../accounts/index.js';
import { countCounties, insertCounty, insertTownships } from '../tenancy/index.js';
import type { Actor } from '../../access/types.js';

export const SYSTEM_ACTOR: Actor = { userId: null, name: '系统', countyId: null, townshipId: null };

export interface InitInput {
  county: string;
  townships: { code: string; name: string }[];
  admin: { username: string; password: string; displayName?: string };
  isDemo?: boolean;
  /** An issued password must be changed at first login; a typed-in one need not. */
  mustChangePassword?: boolean;
}

/** Creates a real installation: one county, its townships and the county administrator. */
export async function initInstallation(db: Executor, input: InitInput) {
  if ((await countCounties(db)) > 0) throw conflict('数据库中已有县（已初始化），不能重复初始化');
  if (input.townships.length === 0) throw invalid('至少需要一个乡镇');
  const codes = new Set(input.townships.map((t) => t.code));
  if (codes.size !== input.townships.length) throw invalid('乡镇代码重复');
  const weak = checkPasswordStrength(input.admin.password, input.admin.username);
  if (weak) throw invalid(`管理员密码不符合要求：${weak}`);
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction(async (tx) => {
    const county = await insertCounty(tx, { name: input.county, isDemo: !!input.isDemo });
    const ts = await insertTownships(
      tx,
      input.townships.map((t) => ({ ...t, countyId: county.id })),
    );
    const admin = await insertAccount(tx, {
      username: input.admin.username,
      displayName: input.admin.displayName ?? '县委组织部管理员',
      passwordHash,
      role: 'countyAdmin' satisfies Role,
      countyId: county.id,
      mustChangePassword: input.mustChangePassword ?? false,
    });
    const actor = { ...SYSTEM_ACTOR, countyId: county.id };
    await writeAudit(tx, actor, { action: 'installation.init', entity: 'county', entityId: county.id, after: { county: input.county, townships: input.townships, admin: input.admin.username } });
    return { county, townships: ts, admin };
  });
}
