import { z } from 'zod';
import { Text } from './text.js';
import { IsoDate, Page, Uuid } from './common.js';

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

export interface AuditEntryView {
  id: number;
  at: string;
  actorName: string;
  townshipId: string | null;
  action: string;
  actionLabel: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}
