import type { Command } from 'commander';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { describeChainReport } from '../../server/audit/report-text.js';
import { action, commandConfig, openCommandDatabase } from '../common.js';

async function runVerify() {
  const config = commandConfig();
  const database = await openCommandDatabase(config, { migrate: true, mustExist: true });
  try {
    const r = await verifyAuditChain(database.db);
    for (const line of describeChainReport(r)) console.log(line);
    if (!r.ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

export function register(program: Command) {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的哈希链及其检查点，找出被修改、删除、插入的记录，以及被清空或缺失的最新记录')
    .action(action(() => runVerify()));
}
