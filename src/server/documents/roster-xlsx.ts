import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { findHeaderRow, HEADER_SCAN_ROWS, NO_HEADER_MESSAGE, type HeaderMatch } from '../../domain/roster/headers.js';
import { AppError } from '../errors.js';
import { declaredUnzippedBytes } from './zip-size.js';

/**
 * Reading roster workbooks with exceljs's streaming reader, so that a 100,000-row file costs
 * the rows' values and not exceljs's whole object model.
 */

export const NOT_EXCEL_MESSAGE = '文件不是有效的 Excel 工作簿（.xlsx）';
const OLD_EXCEL_MESSAGE = '文件是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入';

/** A workbook as a buffer (an upload) or a path (the command line, the benchmark). */
export type WorkbookSource = Buffer | string;

export interface RosterSheet {
  sheetName: string;
  header: HeaderMatch;
  /** Data rows below the header, cells indexed by column number, merged cells filled down. */
  rows: { rowNumber: number; cells: unknown[] }[];
}

/**
 * What one import may cost. Rows are counted as they stream past and the sheet's unzipped
 * XML is counted byte by byte, so a workbook of five million rows or a zip bomb is refused
 * after reading no more than the limit, instead of filling the server's memory.
 */
export interface ReadLimits {
  maxRows: number;
  /** Unzipped bytes of the worksheet XML. */
  maxSheetBytes: number;
}

export const DEFAULT_MAX_ROWS = 200_000;
/** A roster row of 13 filled columns is under 1 KB of sheet XML; twice that leaves room. */
export const sheetBytesFor = (maxRows: number) => maxRows * 2048 + 16 * 1024 * 1024;
export const defaultLimits = (maxRows = DEFAULT_MAX_ROWS): ReadLimits => ({ maxRows, maxSheetBytes: sheetBytesFor(maxRows) });

export const tooManyRowsMessage = (maxRows: number) =>
  `名册超过 ${maxRows.toLocaleString('en-US')} 行，未导入：请检查表格下方是否有大量空行或重复行，或分批导入`;
export const TOO_LARGE_SHEET_MESSAGE = '工作表解压后过大（可能含大量空白或异常内容），未导入：请在 Excel 中另存为新文件后再试';

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function firstBytes(source: WorkbookSource): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source.subarray(0, 4);
  const fh = await fs.promises.open(source, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await fh.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Refuses anything that is not a zip container before exceljs sees it: a renamed .txt, .xls, .csv. */
export async function assertXlsx(source: WorkbookSource): Promise<void> {
  const head = await firstBytes(source);
  if (head.equals(OLE_MAGIC)) throw new AppError('BAD_REQUEST', OLD_EXCEL_MESSAGE);
  if (!head.equals(ZIP_MAGIC)) throw new AppError('BAD_REQUEST', NOT_EXCEL_MESSAGE);
}

function sourceStream(source: WorkbookSource, onProgress?: (p: ReadProgress) => void): Readable {
  const totalBytes = Buffer.isBuffer(source) ? source.length : fs.statSync(source).size;
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : fs.createReadStream(source, { highWaterMark: 256 * 1024 });
  if (!onProgress) return input;
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length;
      onProgress({ bytesRead, totalBytes });
      done(null, chunk);
    },
  });
  input.on('error', (e: Error) => counter.destroy(e));
  return input.pipe(counter);
}

const MERGE = /<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;

interface Merge {
  col: number;
  top: number;
  bottom: number;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The streaming reader ignores <mergeCells>, which Excel writes after the rows. This watches
 * the sheet's XML as it passes to note each merged range spanning rows.
 */
function watchMerges(worksheet: { iterator: AsyncIterable<Buffer | string> }, maxBytes: number): Merge[] {
  const merges: Merge[] = [];
  const upstream = worksheet.iterator;
  let tail = '';
  worksheet.iterator = (async function* () {
    for await (const chunk of decodeCounted(upstream, maxBytes)) {
      const text = tail + chunk;
      let lastEnd = 0;
      for (const m of text.matchAll(MERGE)) {
        const top = Number(m[2]);
        const bottom = Number(m[4]);
        if (bottom > top) merges.push({ col: colNumber(m[1]!), top, bottom });
        lastEnd = m.index + m[0].length;
      }
      // Keep the end of the chunk: a tag may be cut in two between chunks.
      tail = text.slice(Math.max(lastEnd, text.length - 200));
      yield chunk;
    }
  })();
  return merges;
}

/** A merged cell spanning rows (选举单位 for a whole village) holds its value in the top cell only. */
function fillMerges(sheet: RosterSheet, merges: Merge[]) {
  if (merges.length === 0) return;
  const byNumber = new Map(sheet.rows.map((r) => [r.rowNumber, r]));
  for (const m of merges) {
    if (m.top < sheet.header.rowNumber + 1) continue;
    const value = byNumber.get(m.top)?.cells[m.col];
    if (value === undefined || value === null) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const row = byNumber.get(r);
      if (row && (row.cells[m.col] === undefined || row.cells[m.col] === null || row.cells[m.col] === '')) row.cells[m.col] = value;
    }
  }
}

/**
 * exceljs decodes each inflated chunk on its own, so a character whose UTF-8 bytes straddle
 * two chunks turns into U+FFFD (a rare name such as 黄诚𬎼 came back broken). Chunks are decoded
 * here with a StringDecoder that carries the partial character over, and counted: exceljs
 * caches every shared string before the rows, so gigabytes of strings would fill memory.
 */
function decodeCounted(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncIterable<string> {
  return (async function* () {
    const decoder = new StringDecoder('utf8');
    let bytes = 0;
    for await (const chunk of input) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE_SHEET_MESSAGE);
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  })();
}

function limitSharedStrings(reader: ExcelJS.stream.xlsx.WorkbookReader, maxBytes: number) {
  const r = reader as unknown as { _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown> };
  const parse = r._parseSharedStrings.bind(r);
  r._parseSharedStrings = (entry) => parse(Readable.from(decodeCounted(entry as unknown as AsyncIterable<Buffer>, maxBytes), { objectMode: true }));
}

type StreamSheet = AsyncIterable<ExcelJS.Row> & { name: string; iterator: AsyncIterable<Buffer | string> };

/**
 * The first worksheet with a recognisable header, with its data rows. Throws a 400 in Chinese
 * for a file that is not a workbook or has no header.
 */
export async function readRosterWorkbook(
  source: WorkbookSource,
  onProgress?: (p: ReadProgress) => void,
  limits: ReadLimits = defaultLimits(),
): Promise<RosterSheet> {
  await assertXlsx(source);
  // Sheet XML and shared strings together: both are inflated, so both are bounded.
  const unzipLimit = limits.maxSheetBytes * 2;
  if ((await declaredUnzippedBytes(source)) > unzipLimit) throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE_SHEET_MESSAGE);
  let found: RosterSheet | null = null;
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(sourceStream(source, onProgress), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    limitSharedStrings(reader, limits.maxSheetBytes);
    for await (const ws of reader as unknown as AsyncIterable<StreamSheet>) {
      sheets++;
      if (found) continue;
      const merges = watchMerges(ws, limits.maxSheetBytes);
      const head: (unknown[] | undefined)[] = [];
      let sheet: RosterSheet | null = null;
      let noHeader = false;
      // Rows are read to the end even in a sheet without a header: leaving the zip entry
      // half read would stall the reader.
      for await (const row of ws) {
        if (noHeader) continue;
        const cells = row.values as unknown[];
        if (!sheet && row.number <= HEADER_SCAN_ROWS) {
          head[row.number - 1] = cells;
          continue;
        }
        sheet ??= settle(head, ws.name);
        if (!sheet) noHeader = true;
        else {
          if (sheet.rows.length >= limits.maxRows) throw new AppError('PAYLOAD_TOO_LARGE', tooManyRowsMessage(limits.maxRows));
          sheet.rows.push({ rowNumber: row.number, cells });
        }
      }
      if (!sheet && !noHeader) sheet = settle(head, ws.name);
      if (sheet) {
        fillMerges(sheet, merges);
        found = sheet;
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BAD_REQUEST', NOT_EXCEL_MESSAGE);
  }
  if (sheets === 0) throw new AppError('BAD_REQUEST', NOT_EXCEL_MESSAGE);
  if (!found) throw new AppError('VALIDATION', NO_HEADER_MESSAGE);
  return found;
}

/** Decides the header once the scan window is read; the rows read so far below it are data. */
function settle(head: (unknown[] | undefined)[], sheetName: string): RosterSheet | null {
  const header = findHeaderRow(head);
  if (!header) return null;
  const rows = head
    .map((cells, i) => ({ rowNumber: i + 1, cells: cells ?? [] }))
    .filter((r) => r.rowNumber > header.rowNumber && r.cells.length > 0);
  return { sheetName, header, rows };
}
