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
