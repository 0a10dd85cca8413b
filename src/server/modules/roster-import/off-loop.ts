import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import { defaultLimits, readRosterWorkbook, type ReadProgress, type WorkbookSource } from '../../documents/roster-xlsx.js';
import { parseRoster, type ParsedRoster, type ProgressFn } from './analyse.js';
import type { ParseJob, ParseMessage } from './parse-worker.js';

/**
 * Reading a workbook is minutes of synchronous XML parsing for a large file and allocates many
 * times the file's size in short-lived objects. It runs in a worker thread whose heap is capped
 * (WORKER_HEAP_MB), so the import's memory does not grow with the garbage of parsing, and the
 * event loop stays free for every other request (health, sign-in, ballots) meanwhile.
 */

/** What the worker may hold: its code and exceljs, plus the parsed rows (about 0.5 KB each). */
export const workerHeapMb = (maxRows: number) => 64 + Math.ceil(maxRows / 1000) * 0.75;

export const TOO_BIG_TO_READ = '名册文件过大，读取时超出了内存上限，未导入：请分批导入';

// The server runs TypeScript through tsx without a build: the worker registers the same loader
// before it imports its TypeScript entry.
const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const ENTRY = new URL('./parse-worker.ts', import.meta.url).href;
const BOOT = new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(ENTRY)});`)}`);

/**
 * A roster of a few thousand rows reads in well under a second and exceljs yields between
 * chunks; starting a thread (and its TypeScript loader) would cost more than it saves.
 */
export const OFF_LOOP_BYTES = 512 * 1024;

const sizeOf = (source: WorkbookSource) => (Buffer.isBuffer(source) ? source.length : fs.statSync(source).size);

/** Reads and checks a workbook: in this thread when small, in a worker thread otherwise. */
export async function parseWorkbook(source: WorkbookSource, maxRows: number, progress?: ProgressFn): Promise<ParsedRoster> {
  if (sizeOf(source) >= OFF_LOOP_BYTES) return parseOffLoop(source, maxRows, progress);
  const onRead = progress ? (p: ReadProgress) => progress('read', p.bytesRead, p.totalBytes) : undefined;
  const sheet = await readRosterWorkbook(source, onRead, defaultLimits(maxRows));
  return parseRoster(sheet, progress ? (d, t) => progress('check', d, t) : undefined);
}

export function parseOffLoop(source: WorkbookSource, maxRows: number, progress?: ProgressFn): Promise<ParsedRoster> {
  const job: ParseJob = { source, maxRows, progress: !!progress };
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(maxRows), maxYoungGenerationSizeMb: 16 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker.terminate();
    };
    worker.on('message', (m: ParseMessage) => {
      if (m.kind === 'progress') progress?.(m.phase, m.done, m.total);
      else if (m.kind === 'done') settle(() => resolve(m.parsed));
      else settle(() => reject(new AppError(m.code, m.message, m.details)));
    });
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('PAYLOAD_TOO_LARGE', TOO_BIG_TO_READ) : e)),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`名册读取线程意外退出（${code}）`))));
  });
}
