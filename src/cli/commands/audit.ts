import type { Command } from 'commander';
import { verifyAuditChain } from '../../server/audit/audit.js';
import { action, commandConfig, openCommandDatabase } from '../common.js';

async function runVerify() {
  const config = commandConfig();
  const database = await openCommandDatabase(config, { migrate: true, mustExist: true });
  try {
    const r = await verifyAuditChain(database.db);
    if (r.ok) {
      console.log(`OK：审计日志哈希链完整，已校验 ${r.checked} 条记录。`);
      return;
    }
    console.log(`审计日志哈希链断裂：第一处问题在记录 #${r.brokenAt!.id}：${r.brokenAt!.reason}（此前 ${r.checked} 条完好）。`);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

export function register(program: Command) {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的 SM3 哈希链，找出第一条被修改或删除的记录')
    .action(action(() => runVerify()));
}
