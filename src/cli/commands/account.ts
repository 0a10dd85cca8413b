import type { Command } from 'commander';
import { ROLE_IDS, ROLES, isCountyRole, type Role } from '../../domain/accounts/roles.js';
import { Username } from '../../domain/schemas/accounts.js';
import { createAccountAs } from '../../server/modules/accounts/index.js';
import { action, CliError } from '../common.js';
import { onlyCounty, operatorActor, townshipByCode, withCommandContext } from '../context.js';

interface CreateOptions {
  role: string;
  township?: string;
  username: string;
  name: string;
}

/** Delegates' accounts belong to a delegate of the roster: they are made on the web page of accounts. */
const ROLES_HERE = ROLE_IDS.filter((r): r is Exclude<Role, 'delegate'> => r !== 'delegate');
const roleList = ROLES_HERE.map((r) => `${r}（${ROLES[r]}）`).join('、');

function checkOptions(o: CreateOptions): { role: Exclude<Role, 'delegate'>; username: string; displayName: string } {
  if (o.role === 'delegate') throw new CliError('党代表账户须关联名册中的代表，请在网页“账户管理”中为代表创建。');
  const role = ROLES_HERE.find((r) => r === o.role);
  if (!role) throw new CliError(`--role 应为以下之一：${roleList}`);
  if (!isCountyRole(role) && !o.township) throw new CliError(`“${ROLES[role]}”账户属于一个乡镇，请用 --township 指定乡镇代码。`);
  const username = Username.safeParse(o.username);
  if (!username.success) throw new CliError(username.error.issues[0]!.message);
  const displayName = o.name.trim();
  if (!displayName || displayName.length > 40 || /\p{Cc}/u.test(displayName)) throw new CliError('--name 应为 1–40 个字的姓名或称呼');
  return { role, username: username.data, displayName };
}

async function runCreate(o: CreateOptions) {
  const a = checkOptions(o);
  await withCommandContext(async (ctx) => {
    const township = o.township ? await townshipByCode(ctx, o.township) : null;
    const countyId = township?.countyId ?? (await onlyCounty(ctx)).id;
    const townshipId = isCountyRole(a.role) ? null : township!.id;
    const { account, issuedPassword } = await createAccountAs(ctx, operatorActor({ countyId, townshipId }), { ...a, countyId, townshipId });
    console.log(`已创建账户 ${account.username}（${account.roleName}${township && townshipId ? `，${township.name}` : ''}，${account.displayName}）。`);
    console.log(`初始密码（只显示这一次，请当面或当场转交本人）：${issuedPassword}`);
    console.log('首次登录后须修改密码。');
  });
}

export function register(program: Command) {
  program
    .command('account')
    .description('账户')
    .command('create')
    .description('创建账户并显示一次性初始密码（记入审计日志，操作人为“命令行”）')
    .requiredOption('--role <role>', `角色：${roleList}`)
    .option('--township <code>', '所属乡镇代码（乡镇账户必填；县级账户可用它指明所属县）')
    .requiredOption('--username <username>', '用户名（3–32 位小写字母、数字、_ . -）')
    .requiredOption('--name <name>', '姓名或称呼')
    .action(action((o: CreateOptions) => runCreate(o)));
}
