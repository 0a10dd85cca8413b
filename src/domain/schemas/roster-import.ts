import { z } from 'zod';

export const RosterExportQuery = z.object({
  status: z.enum(['active', 'suspended', 'terminated'], '状态应为 active、suspended 或 terminated').optional(),
});

/** One page of an import preview: the summary covers the whole file, `rows` this page only. */
export const RosterPreviewQuery = z.object({
  page: z.coerce.number('页码应为正整数').int('页码应为正整数').min(1, '页码应为正整数').max(100_000, '页码过大').default(1),
  pageSize: z.coerce.number('每页行数应为 1—500').int('每页行数应为 1—500').min(1, '每页行数应为 1—500').max(500, '每页行数应为 1—500').default(100),
  show: z.enum(['all', 'problems', 'changes'], '显示范围应为 all、problems 或 changes').default('all'),
});

const Count = z.number().int();
const RowProblem = z.object({ column: z.string(), field: z.string().nullable(), message: z.string() });

/** What the preview says of a workbook: the header found, one page of rows, the whole file's summary. */
export const RosterPreview = z.object({
  fileName: z.string(),
  sheetName: z.string(),
  headerRow: Count,
  columns: z.array(z.object({ index: Count, header: z.string(), field: z.string().nullable() })),
  ignoredColumns: z.array(z.string()),
  /** Rows below the table that are not delegates (footer lines), with why. */
  skipped: z.array(z.object({ rowNumber: Count, text: z.string(), reason: z.string() })),
  rows: z.array(
    z.object({
      rowNumber: Count,
      values: z.record(z.string(), z.string().nullable().optional()),
      action: z.enum(['create', 'update']),
      /** Fields an update would change; an update with none leaves the delegate as is. */
      changes: z.array(z.string()),
      /** Field, old → new (phone and ID numbers show only the new value, masked). */
      changeDetails: z.array(z.object({ field: z.string(), column: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
      problems: z.array(RowProblem),
      warnings: z.array(z.string()),
    }),
  ),
  page: z.object({ page: Count, pageSize: Count, show: z.enum(['all', 'problems', 'changes']), total: Count, pages: Count }),
  summary: z.object({ total: Count, valid: Count, withProblems: Count, creates: Count, updates: Count, unchanged: Count, skipped: Count }),
});

export const RosterImportResult = z.object({ imported: Count, created: Count, updated: Count, unchanged: Count });
