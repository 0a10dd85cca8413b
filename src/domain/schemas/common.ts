import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), '日期无效');
export const Uuid = z.uuid('编号格式不正确');
export const TownshipParams = z.object({ townshipId: Uuid });
export const Page = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
