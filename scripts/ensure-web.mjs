#!/usr/bin/env node
// Builds the web app into dist/web when it is missing or older than its sources, so that
// `npm start` on a fresh checkout serves the pages without a separate build step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist/web');
// The web imports the shared domain rules and schemas, so they count as its sources too.
const sources = ['src/web', 'src/domain', 'index.html', 'delegate.html', 'screen.html', 'vite.config.ts', 'package.json'];
const entries = ['index.html', 'delegate.html', 'screen.html'];

function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === 'node_modules' || e.startsWith('.') || e.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(path.join(p, e)));
  }
  return max;
}

function builtAt() {
  let min = Infinity;
  for (const e of entries) {
    try {
      min = Math.min(min, fs.statSync(path.join(out, e)).mtimeMs);
    } catch {
      return 0;
    }
  }
  return min;
}

const sourceTime = Math.max(...sources.map((s) => newest(path.join(root, s))));
const built = builtAt();
if (built > 0 && built >= sourceTime && process.argv[2] !== '--force') {
  process.exit(0);
}

console.log(built ? '网页源文件已更新，正在重新构建网页……' : '首次启动，正在构建网页（约需一分钟）……');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
// A test runner's NODE_ENV=test must not leak into the bundle: React and antd would ship their
// development builds.
const env = { ...process.env, NODE_ENV: 'production' };
const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
if (r.status !== 0) {
  console.error('网页构建失败，请检查上面的错误信息。');
  process.exit(r.status ?? 1);
}
