import { z } from 'zod';
import { Text } from './text.js';
import { GROUP_KINDS, type GroupKind } from '../groups/size.js';
import { TownshipParams, Uuid } from './common.js';
import { Items } from './responses.js';
import { DELEGATE_STATUSES, type DelegateStatus } from '../roster/status.js';

export const GroupKindSchema = z.enum(Object.keys(GROUP_KINDS) as [GroupKind, ...GroupKind[]], '小组类型应为按区域、按行业/领域或按主题');

/** A delegate group as the form sends it; the leader and deputy must be among the members. */
export const GroupBody = z.object({
  name: Text().trim().min(1, '请填写小组名称').max(60, '小组名称不能超过 60 个字'),
  kind: GroupKindSchema,
  leaderId: Uuid.optional().nullable(),
  deputyLeaderId: Uuid.optional().nullable(),
  memberIds: z.array(Uuid).max(500, '一个小组不能超过 500 人').default([]),
});
export type GroupBodyT = z.infer<typeof GroupBody>;

export const GroupParams = TownshipParams.extend({ groupId: Uuid });
export const GroupListQuery = z.object({ kind: GroupKindSchema.optional() });

export const PersonRef = z.object({ id: z.string(), name: z.string() });
export const DelegateStatusSchema = z.enum(Object.keys(DELEGATE_STATUSES) as [DelegateStatus, ...DelegateStatus[]]);

/** A group in lists: its leader and deputy by name, how many members, and a size warning. */
export const GroupSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  leader: PersonRef.nullable(),
  deputyLeader: PersonRef.nullable(),
  memberCount: z.number().int(),
  warning: z.string().nullable(),
});
export const GroupDetail = GroupSummary.extend({ members: z.array(PersonRef.extend({ status: z.string() })) });
export const GroupList = Items(GroupSummary);
export const DeletedGroup = z.object({ id: z.string() });
