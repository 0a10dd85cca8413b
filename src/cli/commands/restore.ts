import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { restoreDatabase } from '../../server/backup/restore.js';
import { action, CliError, commandConfig, openCommandDatabase, printTableCounts } from '../common.js';
import { checkKeyAgainstData } from '../key-check.js';

async function runRestore(file: string) {
  const config = commandConfig();
  const input = path.resolve(file);
  if (!fs.existsSync(input)) throw new CliError(`找不到备份文件：${input}`);
  const database = await openCommandDatabase(config, { migrate: true, mustExist: false });
  try {
    console.log(`正在从 ${input} 恢复……`);
    const r = await restoreDatabase(database, fs.createReadStream(input));
    const h = r.header;
    console.log(`恢复完成（备份时间 ${h.createdAt}，来源 ${h.database.kind === 'pglite' ? '内嵌 PGlite' : 'PostgreSQL'} ${h.database.serverVersion}）：`);
    printTableCounts(r.tables);
    for (const w of r.warnings) console.log(`警告：${w}`);
    const chain = r.audit;
    if (chain.ok) console.log(`审计日志哈希链完整（${chain.checked} 条），检查点已指向恢复后的最新记录。`);
    else for (const p of chain.problems) console.log(`警告：审计日志：${p.message}`);
    console.log(await checkKeyAgainstData(config, database));
  } finally {
    await database.close();
  }
}

export function register(program: Command) {
  program
    .command('restore')
    .description('把备份文件恢复到空的数据目录或空数据库（服务器须先停止）')
    .argument('<file>', '由 nianhui backup 生成的备份文件')
    .action(action((file: string) => runRestore(file)));
}
