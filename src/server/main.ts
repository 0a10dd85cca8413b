import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { describeDatabase, openContext } from './bootstrap.js';
import { buildApp } from './app.js';
import { DataDirBusyError } from './db/lock.js';
import { randomToken } from './security/crypto.js';
import { countCounties } from './modules/tenancy/repository.js';
import { seedDemo } from './seed/demo.js';
import { startPgBridge } from './realtime/pg-bridge.js';
import { LogSmsAdapter } from './modules/notices/sms.js';
import { startSmsSender } from './modules/notices/outbox.js';

const config = loadConfig();
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

async function main() {
  let ctx;
  try {
    ctx = await openContext(config);
  } catch (e) {
    if (e instanceof DataDirBusyError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  if (config.loadDemo && (await countCounties(ctx.database.db)) === 0) {
    console.log('数据库为空，正在载入演示数据（演示县，三个乡镇）……');
    await seedDemo(ctx);
  }
  // Lets `nianhui backup` ask this process for a consistent copy while it holds the data dir.
  ctx.adminToken = randomToken();
  const app = await buildApp(ctx, { logger: { level: config.logLevel }, webRoot });
  // With PostgreSQL several server processes may share the database: bridge live events between them.
  const bridge = ctx.database.kind === 'postgres' ? await startPgBridge(ctx, (m) => app.log.warn(m)) : null;
  await app.listen({ port: config.port, host: config.host });
  // Meeting notices queue text messages; without a gateway they go to this log.
  ctx.sms.adapter = new LogSmsAdapter(app.log);
  const stopSms = startSmsSender(ctx, 30_000, (e) => app.log.warn({ err: e }, '短信发送出错'));
  ctx.database.lock?.update({ port: config.port, adminToken: ctx.adminToken });
  console.log(`Nianhui 已启动：http://localhost:${config.port}  数据库：${describeDatabase(config)}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await stopSms();
    await bridge?.stop();
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
