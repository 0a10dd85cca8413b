import fs from 'node:fs';
import type { Actor } from '../server/access/types.js';
import { processState, type AppContext } from '../server/context.js';
import { EventHub } from '../server/realtime/hub.js';
import { createFieldCipher, loadKey } from '../server/security/crypto.js';
import { findTownshipByCode, listCounties } from '../server/modules/tenancy/repository.js';
import { CliError, commandConfig, openCommandDatabase } from './common.js';

/** The server's context for a command that works on an existing installation, with the server's key. */
export async function openCommandContext(): Promise<AppContext> {
  const config = commandConfig();
  // Never create a key here: data encrypted under a key the server does not have is lost.
  if (!config.keyHex && !fs.existsSync(config.keyFile)) {
    throw new CliError(`未找到加密密钥（${config.keyFile} 不存在，也未设置 NIANHUI_KEY）。请使用与服务器相同的 DATA_DIR / NIANHUI_KEY_FILE / NIANHUI_KEY。`);
  }
  const database = await openCommandDatabase(config, { migrate: true, mustExist: true });
  return { config, database, cipher: createFieldCipher(loadKey(config.keyHex, config.keyFile)), hub: new EventHub(), ...processState() };
}

/** Runs a command's work on the context and closes the database whatever happens. */
export async function withCommandContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openCommandContext();
  try {
    return await run(ctx);
  } finally {
    await ctx.database.close();
  }
}

export async function townshipByCode(ctx: AppContext, code: string) {
  const t = await findTownshipByCode(ctx.database.db, code);
  if (!t) throw new CliError(`没有代码为 ${code} 的乡镇。`);
  return t;
}

/** The county of a county-level command: the installation's only one (`nianhui init` creates one). */
export async function onlyCounty(ctx: AppContext) {
  const all = await listCounties(ctx.database.db);
  if (all.length === 0) throw new CliError('数据库中还没有县（区）。请先运行 nianhui init。');
  if (all.length > 1) throw new CliError(`数据库中有 ${all.length} 个县（区），请用 --township 指定乡镇代码以确定所属县。`);
  return all[0]!;
}

/** Who the audit log names for a command: the person at the server's console, not an account. */
export const operatorActor = (where: { countyId: string; townshipId: string | null }): Actor => ({
  userId: null,
  name: '命令行',
  countyId: where.countyId,
  townshipId: where.townshipId,
});
