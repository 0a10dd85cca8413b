import type { Command } from 'commander';
import { checkPasswordStrength } from '../../domain/accounts/password.js';
import { Username } from '../../domain/schemas/accounts.js';
import { openContext } from '../../server/bootstrap.js';
import { counties } from '../../server/db/schema/index.js';
import { initInstallation } from '../../server/modules/setup/service.js';
import { action, CliError, commandConfig, keyReminder } from '../common.js';
import { createPrompter } from '../prompt.js';

interface InitOptions {
  county?: string;
  township?: string[];
  admin?: string;
  displayName?: string;
}

interface Answers {
  county: string;
  townships: { code: string; name: string }[];
  admin: string;
  password: string;
}

function parseTownship(spec: string): { code: string; name: string } {
  const m = /^\s*([A-Za-z0-9_-]{1,20})\s*=\s*(\S.*?)\s*$/.exec(spec);
  if (!m) throw new CliError(`乡镇格式应为 代码=名称（代码为 1–20 位字母、数字、_ 或 -），例如 A01=青山镇；收到：${spec}`);
  return { code: m[1]!, name: m[2]! };
}

const usernameProblem = (u: string) => (Username.safeParse(u).success ? null : Username.safeParse(u).error!.issues[0]!.message);

function fromOptions(o: InitOptions & { township: string[] }): Answers {
  const password = process.env.NIANHUI_ADMIN_PASSWORD ?? '';
  const missing = [!o.county && '--county', o.township.length === 0 && '--township', !o.admin && '--admin', !password && '环境变量 NIANHUI_ADMIN_PASSWORD'].filter(Boolean);
  if (missing.length > 0) throw new CliError(`非交互初始化缺少：${missing.join('、')}。例如：\n  NIANHUI_ADMIN_PASSWORD='…' nianhui init --county 某某县 --township A01=青山镇 --township B02=白水乡 --admin admin`);
  const problem = usernameProblem(o.admin!);
  if (problem) throw new CliError(problem);
  return { county: o.county!, townships: o.township.map(parseTownship), admin: o.admin!, password };
}

async function fromPrompts(): Promise<Answers> {
  const p = createPrompter();
  try {
    console.log('初始化正式数据：请输入县名、乡镇和县级管理员账户。');
    const county = await p.ask('县（区）名称：', (a) => (a ? null : '请输入名称'));
    const townships: { code: string; name: string }[] = [];
    console.log('逐个输入乡镇，格式 代码=名称（例如 A01=青山镇），直接回车结束：');
    for (;;) {
      const line = await p.ask(`  乡镇 ${townships.length + 1}：`, (a) => {
        if (!a) return townships.length > 0 ? null : '至少需要一个乡镇';
        try {
          const t = parseTownship(a);
          return townships.some((x) => x.code === t.code) ? `代码 ${t.code} 已输入过` : null;
        } catch (e) {
          return (e as Error).message;
        }
      });
      if (!line) break;
      townships.push(parseTownship(line));
    }
    const admin = await p.ask('县级管理员用户名：', usernameProblem);
    for (;;) {
      const password = await p.secret('管理员密码（输入时不显示）：');
      const weak = checkPasswordStrength(password, admin);
      if (weak) {
        console.log(`  ${weak}`);
        continue;
      }
      if ((await p.secret('再次输入密码：')) === password) return { county, townships, admin, password };
      console.log('  两次输入的密码不一致，请重新输入');
    }
  } finally {
    p.close();
  }
}

async function runInit(o: InitOptions & { township: string[] }) {
  const config = commandConfig();
  const interactive = !o.county && o.township.length === 0 && !o.admin;
  if (interactive && !process.stdin.isTTY) {
    throw new CliError('没有终端可供交互输入。请使用非交互方式：nianhui init --county 县名 --township 代码=名称 --admin 用户名（密码放在环境变量 NIANHUI_ADMIN_PASSWORD 中）');
  }
  // Flags are checked before the database is opened: a mistake should cost no time.
  const given = interactive ? null : fromOptions(o);
  const ctx = await openContext(config);
  try {
    const existing = await ctx.database.db.select({ name: counties.name, isDemo: counties.isDemo }).from(counties);
    if (existing.length > 0) {
      const names = existing.map((c) => (c.isDemo ? `${c.name}（演示数据）` : c.name)).join('、');
      const hint = existing.some((c) => c.isDemo)
        ? '若要改用正式数据，请停止服务器，换一个空的数据目录（DATA_DIR）或空数据库，先运行 nianhui init，再以 NIANHUI_DEMO=0 启动服务器。'
        : '如需重新开始，请使用新的空数据目录或空数据库。';
      throw new CliError(`数据库已经初始化（已有：${names}），不能重复初始化。${hint}`);
    }
    const a = given ?? (await fromPrompts());
    const result = await initInstallation(ctx.database.db, {
      county: a.county,
      townships: a.townships,
      admin: { username: a.admin, password: a.password, displayName: o.displayName },
    });
    console.log(`初始化完成：${result.county.name}，${result.townships.length} 个乡镇（${result.townships.map((t) => `${t.code} ${t.name}`).join('、')}）。`);
    console.log(`县级管理员：${result.admin.username}。启动服务器后用该账户登录，再为各乡镇创建管理员账户。`);
    console.log(`加密密钥：${config.keyHex ? '环境变量 NIANHUI_KEY' : config.keyFile}`);
    console.log(keyReminder(config).replace('备份不包含加密密钥。', '数据库中不保存加密密钥。'));
  } finally {
    await ctx.database.close();
  }
}

export function register(program: Command) {
  program
    .command('init')
    .description('初始化正式数据：县、乡镇与县级管理员（无参数时逐项询问）')
    .option('--county <name>', '县（区）名称')
    .option('--township <CODE=NAME>', '乡镇，可重复，例如 --township A01=青山镇', (v: string, all: string[] = []) => [...all, v])
    .option('--admin <username>', '县级管理员用户名；密码取自环境变量 NIANHUI_ADMIN_PASSWORD')
    .option('--display-name <name>', '县级管理员显示名称（默认“县委组织部管理员”）')
    .action(action((o: InitOptions) => runInit({ ...o, township: o.township ?? [] })));
}
