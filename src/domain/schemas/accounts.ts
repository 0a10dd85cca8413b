import { z } from 'zod';
import { Text } from './text.js';
import { ROLE_IDS, type Role } from '../accounts/roles.js';
import { TownshipParams, Uuid } from './common.js';
import { Items, Timestamp } from './responses.js';

export const USERNAME_RULE = '用户名须为 3–32 位，只能包含小写字母、数字、下划线、点和连字符';

export const Username = z
  .string(USERNAME_RULE)
  .trim()
  .regex(/^[a-z0-9_.-]{3,32}$/, USERNAME_RULE);

const DisplayName = Text('请填写姓名或称呼').trim().min(1, '请填写姓名或称呼').max(40, '姓名或称呼不能超过 40 个字');

/** Roles a township account may have: everything but the county's own. */
export const TOWNSHIP_ACCOUNT_ROLES = ROLE_IDS.filter((r) => r !== 'countyAdmin') as Exclude<Role, 'countyAdmin'>[];
export const COUNTY_ACCOUNT_ROLES = ['countyAdmin', 'townshipAdmin'] as const;

const RoleOf = <T extends readonly [string, ...string[]]>(roles: T) => z.enum(roles, '请选择有效的角色');

export const TownshipAccountBody = z
  .object({
    username: Username,
    displayName: DisplayName,
    role: z.enum(ROLE_IDS as [Role, ...Role[]], '请选择有效的角色'),
    delegateId: Uuid.optional().nullable(),
  })
  .refine((b) => b.role !== 'delegate' || !!b.delegateId, { message: '党代表账户须关联一名代表', path: ['delegateId'] })
  .refine((b) => b.role === 'delegate' || !b.delegateId, { message: '只有党代表账户可以关联代表', path: ['delegateId'] });
export type TownshipAccountInput = z.infer<typeof TownshipAccountBody>;

export const CountyAccountBody = z
  .object({
    username: Username,
    displayName: DisplayName,
    role: RoleOf(COUNTY_ACCOUNT_ROLES),
    townshipId: Uuid.optional().nullable(),
  })
  .refine((b) => b.role !== 'townshipAdmin' || !!b.townshipId, { message: '乡镇管理员账户须选择所属乡镇', path: ['townshipId'] })
  .refine((b) => b.role !== 'countyAdmin' || !b.townshipId, { message: '县级账户不属于任何乡镇', path: ['townshipId'] });
export type CountyAccountInput = z.infer<typeof CountyAccountBody>;

export const AccountParams = TownshipParams.extend({ userId: Uuid });
export const CountyAccountParams = z.object({ userId: Uuid });

export const CountyAccountQuery = z.object({
  townshipId: Uuid.optional(),
  role: z.enum(ROLE_IDS as [Role, ...Role[]], '角色无效').optional(),
});

/** What every account list answers; never a password or its hash. */
export const AccountSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLE_IDS as [Role, ...Role[]]),
  roleName: z.string(),
  townshipId: z.string().nullable(),
  delegateId: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: Timestamp,
});
export type AccountSummary = z.output<typeof AccountSummary>;

/** The county's list names each account's township. */
export const CountyAccountSummary = AccountSummary.extend({ townshipName: z.string().nullable() });
export const AccountList = Items(AccountSummary);
export const CountyAccountList = Items(CountyAccountSummary);
/** The issued password is shown once, here, and never again. */
export const IssuedPassword = z.object({ issuedPassword: z.string() });
export const CreatedAccount = IssuedPassword.extend({ account: AccountSummary });
