import fs from 'node:fs';
import { Command } from 'commander';
import type { CommandModule } from './common.js';

/**
 * Each command group lives in its own file under commands/ and exports `register(program)`.
 * To add a group, add one line to this list.
 */
const COMMAND_MODULES = [
  './commands/init.js',
  './commands/account.js',
  './commands/term.js',
  './commands/backup.js',
  './commands/restore.js',
  './commands/audit.js',
  './commands/roster.js',
  './commands/election.js',
];

const TITLES: Record<string, string> = { 'Usage:': '用法:', 'Options:': '选项:', 'Commands:': '命令:', 'Arguments:': '参数:', 'Global Options:': '全局选项:' };

// commander's own messages are English; the common ones are translated here.
const ERRORS: [RegExp, string][] = [
  [/^error: unknown option '(.*)'/, "错误：未知选项 '$1'"],
  [/^error: unknown command '(.*)'/, "错误：未知命令 '$1'"],
  [/^error: missing required argument '(.*)'/, "错误：缺少参数 '$1'"],
  [/^error: required option '(.*)' not specified/, "错误：缺少必需的选项 '$1'"],
  [/^error: option '(.*)' argument missing/, "错误：选项 '$1' 缺少值"],
  [/^error: too many arguments.*/, '错误：参数过多'],
];

function packageVersion(): string {
  return JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
}

export async function main(argv: string[]) {
  const program = new Command('nianhui')
    .description('年会 — 乡镇党代会年会制与党代表任期制工作平台的命令行工具。\n数据库与服务器相同：DATABASE_URL（PostgreSQL），未设置时为 DATA_DIR（默认 ./data）中的内嵌 PGlite。')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .version(packageVersion(), '-V, --version', '显示版本号')
    .configureHelp({ styleTitle: (s) => TITLES[s] ?? s })
    .configureOutput({ outputError: (s, write) => write(ERRORS.reduce((m, [re, zh]) => m.replace(re, zh), s)) })
    .showHelpAfterError('（使用 --help 查看用法）');
  for (const path of COMMAND_MODULES) ((await import(path)) as CommandModule).register(program);
  await program.parseAsync(argv);
}

await main(process.argv);
