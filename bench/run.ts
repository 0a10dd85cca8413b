import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench -- <name> [--flags]` runs bench/<name>.ts, whose `run(args)` prints its
 * figures, the machine, and a last line `RESULT {json}`.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3));

if (!name || !available.includes(name)) {
  console.error(`用法：npm run bench -- <名称> [参数]\n可用的基准测试：${available.join('、') || '（无）'}`);
  process.exit(name ? 1 : 0);
}
const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { run(args: string[]): Promise<void> };
await mod.run(args);
