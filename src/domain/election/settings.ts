import { z } from 'zod';

/**
 * An election's rule settings (DOMAIN.md "Election rules"). Each kind has a preset; a township
 * may change any field, and an election keeps the settings it opened with.
 */

export const ElectionKind = z.enum(
  ['committeeByElection', 'disciplineByElection', 'countyDelegates', 'delegateByElection'],
  '选举类型应为 committeeByElection、disciplineByElection、countyDelegates 或 delegateByElection',
);
export type ElectionKind = z.infer<typeof ElectionKind>;

export const ELECTION_KIND_LABELS: Readonly<Record<ElectionKind, string>> = {
  committeeByElection: '补选党委委员',
  disciplineByElection: '补选纪委委员',
  countyDelegates: '选举出席县党代表大会代表',
  delegateByElection: '选举单位补选党代表',
};

export const ElectionSettings = z.object({
  /** 候选人差额: candidates exceed seats by at least this percentage, fractions rounded up. */
  marginPercent: z.number('差额比例须为数字').int('差额比例须为整数').min(0, '差额比例不能为负').max(100, '差额比例不能超过 100'),
  /** 等额选举: candidates equal to seats. By-elections may be held this way. */
  equalAllowed: z.boolean('是否允许等额选举须为 true 或 false'),
  /** Quorum: present strictly more than numerator/denominator of those due. */
  quorumNumerator: z.number('法定人数分子须为数字').int('法定人数分子须为整数').min(1, '法定人数分子至少为 1').max(100),
  quorumDenominator: z.number('法定人数分母须为数字').int('法定人数分母须为整数').min(1, '法定人数分母至少为 1').max(100),
  /** The election is valid when ballots returned ≤ voters present (2020 rules) or ≤ ballots issued (older rules). */
  validityBase: z.enum(['present', 'issued'], '选举有效的比较基数应为 present（实到人数）或 issued（发出票数）'),
  /** A candidate wins with yes votes more than half of the voters present, or of those due. */
  winBase: z.enum(['present', 'due'], '当选基数应为 present（实到会人数）或 due（应到会人数）'),
  /** A write-in name without ○ above it: counted as yes, or not counted (many 选举办法). */
  unmarkedWriteIn: z.enum(['notCounted', 'yes'], '未划○的另选人应为 notCounted（不计票）或 yes（计赞成票）'),
  /** 预选: a preliminary round in which candidates need more than half to become formal. */
  preliminary: z.boolean('是否预选须为 true 或 false'),
});
export type ElectionSettings = z.infer<typeof ElectionSettings>;

const GRASSROOTS: ElectionSettings = {
  marginPercent: 20,
  equalAllowed: false,
  quorumNumerator: 4,
  quorumDenominator: 5,
  validityBase: 'present',
  winBase: 'present',
  unmarkedWriteIn: 'notCounted',
  preliminary: false,
};

/** By-elections may be contested or held with as many candidates as seats; the county congress's delegates are always contested. */
export const ELECTION_PRESETS: Readonly<Record<ElectionKind, ElectionSettings>> = {
  committeeByElection: { ...GRASSROOTS, equalAllowed: true },
  disciplineByElection: { ...GRASSROOTS, equalAllowed: true },
  countyDelegates: { ...GRASSROOTS, preliminary: true },
  delegateByElection: { ...GRASSROOTS, equalAllowed: true },
};

export const DEFAULT_ELECTION_SETTINGS: ElectionSettings = GRASSROOTS;

export const ElectionSettingsPatch = ElectionSettings.partial();
export type ElectionSettingsPatch = z.infer<typeof ElectionSettingsPatch>;

/** The preset of a kind (or the grassroots defaults) with a township's changes on top. */
export function electionSettings(kind?: ElectionKind, patch: ElectionSettingsPatch = {}): ElectionSettings {
  const base = kind ? ELECTION_PRESETS[kind] : DEFAULT_ELECTION_SETTINGS;
  const merged = { ...base };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  return ElectionSettings.parse(merged);
}
