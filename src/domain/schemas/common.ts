import { z } from 'zod';

/** A calendar date that exists: 2026-02-30 is refused, not rolled over to March. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期无效：该日期不存在');
export const Uuid = z.uuid('编号格式不正确');
export const TownshipParams = z.object({ townshipId: Uuid });
export const Page = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
