import { parentPort, workerData } from 'node:worker_threads';
import { defaultLimits, readRosterWorkbook, type WorkbookSource } from '../../documents/roster-xlsx.js';
import { AppError } from '../../errors.js';
import { parseRoster } from './analyse.js';

/**
 * Reads and checks a roster workbook on its own thread (see off-loop.ts): the server's event
 * loop keeps answering while exceljs parses XML, and the garbage of parsing lives in this
 * thread's small heap, which is given back when the thread ends.
 */

export interface ParseJob {
  source: WorkbookSource;
  maxRows: number;
  progress: boolean;
}

export type ParseMessage =
  | { kind: 'progress'; phase: 'read' | 'check'; done: number; total: number }
  | { kind: 'done'; parsed: ReturnType<typeof parseRoster> }
  | { kind: 'error'; code: AppError['code']; message: string; details?: unknown };

const job = workerData as ParseJob;
const post = (m: ParseMessage) => parentPort!.postMessage(m);
// A Buffer sent to a worker arrives as a plain Uint8Array.
const source = typeof job.source === 'string' ? job.source : Buffer.from(job.source.buffer, job.source.byteOffset, job.source.byteLength);
let lastRead = 0;

try {
  const sheet = await readRosterWorkbook(
    source,
    job.progress
      ? (p) => {
          // Every 256 KB chunk would be thousands of messages for a large file.
          if (p.bytesRead - lastRead < 1024 * 1024 && p.bytesRead < p.totalBytes) return;
          lastRead = p.bytesRead;
          post({ kind: 'progress', phase: 'read', done: p.bytesRead, total: p.totalBytes });
        }
      : undefined,
    defaultLimits(job.maxRows),
  );
  const parsed = parseRoster(sheet, job.progress ? (done, total) => post({ kind: 'progress', phase: 'check', done, total }) : undefined);
  post({ kind: 'done', parsed });
} catch (e) {
  if (e instanceof AppError) post({ kind: 'error', code: e.code, message: e.message, details: e.details });
  else throw e;
}
