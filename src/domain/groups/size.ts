/**
 * Delegate groups (代表小组): formed by region, by sector, or by theme (party building,
 * projects, farmers' income…), 15–20 delegates each by default. A delegate may belong to
 * groups of different kinds but to only one group of each kind.
 */

/** Identifiers as DOMAIN.md's glossary fixes them for code, API and database. */
export const GROUP_KINDS = {
  region: '按区域',
  sector: '按行业/领域',
  topic: '按主题',
} as const;
export type GroupKind = keyof typeof GROUP_KINDS;

export const DEFAULT_GROUP_SIZE = { min: 15, max: 20 } as const;

/**
 * A warning for a group outside the township's size range, or null. Only a warning: a small
 * township or a new group may well run below the range for a while.
 */
export function groupSizeWarning(
  memberCount: number,
  range: { min?: number; max?: number } = {},
): string | null {
  const min = range.min ?? DEFAULT_GROUP_SIZE.min;
  const max = range.max ?? DEFAULT_GROUP_SIZE.max;
  if (!Number.isInteger(memberCount) || memberCount < 0) throw new RangeError(`小组人数无效：${memberCount}`);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || min > max) {
    throw new RangeError(`小组人数范围无效：${min}—${max}`);
  }
  if (memberCount < min) return `代表小组人数为${memberCount}人，少于${min}人`;
  if (memberCount > max) return `代表小组人数为${memberCount}人，多于${max}人`;
  return null;
}

export interface GroupMembership<Id extends string | number = string> {
  delegateId: Id;
  kind: GroupKind;
  /** When given, two rows for the same group count once (e.g. a leader also listed as member). */
  groupId?: string | number;
}

export interface GroupKindViolation<Id extends string | number = string> {
  delegateId: Id;
  kind: GroupKind;
  groupCount: number;
  message: string;
}

/** Every delegate who is in more than one group of the same kind, in input order. */
export function checkOneGroupPerKind<Id extends string | number>(
  memberships: readonly GroupMembership<Id>[],
): GroupKindViolation<Id>[] {
  const groups = new Map<string, { delegateId: Id; kind: GroupKind; seen: Set<unknown> }>();
  memberships.forEach((m, index) => {
    // typeof keeps delegate 1 and delegate '1' apart; the key never leaves this function.
    const key = `${typeof m.delegateId}:${m.delegateId}\u0000${m.kind}`;
    let entry = groups.get(key);
    if (!entry) {
      entry = { delegateId: m.delegateId, kind: m.kind, seen: new Set() };
      groups.set(key, entry);
    }
    entry.seen.add(m.groupId === undefined ? { index } : `${typeof m.groupId}:${m.groupId}`);
  });
  const violations: GroupKindViolation<Id>[] = [];
  for (const { delegateId, kind, seen } of groups.values()) {
    if (seen.size < 2) continue;
    violations.push({
      delegateId,
      kind,
      groupCount: seen.size,
      message: `同一代表只能参加一个“${GROUP_KINDS[kind]}”划分的代表小组，现参加了${seen.size}个`,
    });
  }
  return violations;
}
