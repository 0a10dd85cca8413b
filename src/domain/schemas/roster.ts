import { z } from 'zod';
import { Text } from './text.js';
import { IsoDate, Page, TownshipParams, Uuid } from './common.js';
import { STATUS_REASONS } from '../roster/status.js';

const text = (max: number) => Text().trim().max(max, `不能超过 ${max} 个字`);
const optionalText = (max: number) => text(max).optional().nullable();
const PartialDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, '日期应为 YYYY-MM 或 YYYY-MM-DD');

/** A delegate as an officer types it (or as an imported row becomes after cleaning). */
export const DelegateInput = z.object({
  name: text(40).min(1, '请填写姓名'),
  gender: z.enum(['男', '女'], '性别应为“男”或“女”'),
  ethnicity: text(20).default('汉族'),
  birthDate: PartialDate.optional().nullable(),
  partyJoinDate: PartialDate.optional().nullable(),
  education: optionalText(40),
  workplace: optionalText(120),
  category: optionalText(40),
  electoralUnit: optionalText(80),
  phone: optionalText(30),
  idNumber: optionalText(30),
});
export type DelegateInputT = z.infer<typeof DelegateInput>;

export const DelegateParams = TownshipParams.extend({ delegateId: Uuid });

export const DelegateListQuery = Page.extend({
  q: Text().trim().max(40).optional(),
  status: z.enum(['active', 'suspended', 'terminated']).optional(),
  groupId: Uuid.optional(),
  category: Text().trim().max(40).optional(),
  electoralUnitId: Uuid.optional(),
  sort: z.enum(['strokes', 'name', 'updated']).default('strokes'),
  termId: Uuid.optional(),
  /** Keyset paging: the `nextCursor` / `prevCursor` of the page before (the page number is then only shown). */
  after: Text().trim().max(400).optional(),
  before: Text().trim().max(400).optional(),
});

export const StatusChangeBody = z.object({
  reason: z.enum(Object.keys(STATUS_REASONS) as [keyof typeof STATUS_REASONS], '请选择状态变更原因'),
  note: optionalText(500),
  decidedBy: text(80).min(1, '请填写决定机关'),
  decidedOn: IsoDate,
  filedWithCountyOn: IsoDate.optional().nullable(),
});

/** The form's body: a delegate, and for one elected in a by-election the seat they fill. */
export const DelegateBody = DelegateInput.extend({
  replacesDelegateId: Uuid.optional().nullable(),
});
export type DelegateBodyT = z.infer<typeof DelegateBody>;

export const CategoriesBody = z.object({
  categories: z
    .array(Text().trim().min(1, '类别名称不能为空').max(40, '类别名称不能超过 40 个字'), '请提供代表类别列表')
    .min(1, '至少需要一个代表类别')
    .max(50, '代表类别不能超过 50 个')
    .refine((list) => new Set(list).size === list.length, '代表类别有重复'),
});
