import { z } from 'zod';
import { Text } from './text.js';
import { IsoDate, Page, Uuid } from './common.js';
import { Items, Paged, Timestamp } from './responses.js';

const AuditFilters = Page.extend({
  /** Exact action id, or a family when it ends with `.*` (e.g. `group.*`). */
  action: z.string().trim().max(80).regex(/^[A-Za-z0-9_.*-]*$/, '操作类型格式不正确').optional(),
  entity: Text().trim().max(80).optional(),
  entityId: Text().trim().max(80).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

const datesInOrder = { message: '结束日期不能早于开始日期', path: ['to'] };

export const AuditQuery = AuditFilters.refine((q) => !q.from || !q.to || q.from <= q.to, datesInOrder);
export type AuditQueryT = z.infer<typeof AuditQuery>;

/** `townshipId=county` selects the county-level entries (those of no township). */
export const CountyAuditQuery = AuditFilters.extend({
  townshipId: z.union([Uuid, z.literal('county')], '乡镇编号格式不正确').optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, datesInOrder);
export type CountyAuditQueryT = z.infer<typeof CountyAuditQuery>;

export const AuditEntryView = z.object({
  id: z.number().int(),
  at: Timestamp,
  actorName: z.string(),
  townshipId: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntryView = z.output<typeof AuditEntryView>;
export const AuditPage = Paged(AuditEntryView);
export const AuditActions = Items(z.object({ id: z.string(), label: z.string() }));
/** The chain check against its checkpoint: entries checked, the first that does not fit, every problem found. */
export const AuditChainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  entries: z.number().int(),
  brokenAt: z.object({ id: z.number().int(), reason: z.string() }).optional(),
  checkpoint: z.object({ count: z.number().int(), headId: z.number().int(), at: z.string(), where: z.string() }).nullable(),
  head: z.object({ count: z.number().int(), headId: z.number().int(), headHash: z.string() }).nullable(),
  problems: z.array(z.object({ kind: z.string(), message: z.string(), id: z.number().int().optional() })),
});
