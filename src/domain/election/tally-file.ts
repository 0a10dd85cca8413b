import { z } from 'zod';
import { cleanName } from '../text/clean.js';
import type { RoundInput } from './outcome.js';
import { ElectionKind, ElectionSettingsPatch, electionSettings, type ElectionSettings } from './settings.js';

/**
 * The file `nianhui election tally` reads: one round's numbers, as totals, as single ballots,
 * or both. Every problem names its field, so an office can correct the file.
 */

const count = (what: string) => z.number(`${what}须为数字`).int(`${what}须为整数`).min(0, `${what}不能为负`);
const name = z.string('姓名须为文字').transform(cleanName).pipe(z.string().min(1, '姓名不能为空'));
const Mark = z.enum(['yes', 'no', 'abstain', 'other'], '标记应为 yes（○）、no（×）、abstain（不划）或 other（规定以外的符号）');
const WriteIn = z.union([name, z.object({ name, beside: name.optional(), marked: z.boolean('marked 须为 true 或 false').optional() })], '另选人应为姓名，或 {"name", "beside"?, "marked"?}');

export const TallyFile = z
  .object({
    kind: ElectionKind.optional(),
    seats: count('应选名额').min(1, '应选名额至少为 1'),
    candidates: z.array(name, 'candidates 须为候选人姓名的列表').min(1, '至少须有 1 名候选人'),
    due: count('应到人数'),
    present: count('实到人数'),
    issued: count('发出票数').optional(),
    returned: count('收回票数').optional(),
    invalidBallots: count('无效票数').optional(),
    yes: z.record(name, count('赞成票数'), 'yes 须为 {姓名: 赞成票数}').optional(),
    ballots: z.array(z.object({ marks: z.record(name, Mark, 'marks 须为 {候选人: 标记}'), writeIns: z.array(WriteIn, 'writeIns 须为列表').optional() }), 'ballots 须为选票的列表').optional(),
    settings: ElectionSettingsPatch.optional(),
  }, '文件内容须为一个 JSON 对象')
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.candidates.forEach((c, i) => {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', path: ['candidates', i], message: `候选人“${c}”重复` });
      seen.add(c);
    });
    if (f.present > f.due) ctx.addIssue({ code: 'custom', path: ['present'], message: `实到人数 ${f.present} 多于应到人数 ${f.due}` });
    if (!f.yes && !f.ballots) ctx.addIssue({ code: 'custom', path: ['yes'], message: '须提供 yes（各人赞成票数）或 ballots（逐张选票）' });
    if (f.ballots) {
      if (f.returned !== undefined && f.returned !== f.ballots.length) {
        ctx.addIssue({ code: 'custom', path: ['returned'], message: `收回票数 ${f.returned} 与录入的选票 ${f.ballots.length} 张不一致` });
      }
      f.ballots.forEach((b, i) => {
        for (const n of Object.keys(b.marks)) if (!seen.has(n)) ctx.addIssue({ code: 'custom', path: ['ballots', i, 'marks', n], message: `“${n}”不是候选人` });
      });
      return;
    }
    if (f.returned === undefined) {
      ctx.addIssue({ code: 'custom', path: ['returned'], message: '按总数计票时须提供收回票数' });
      return;
    }
    const invalid = f.invalidBallots ?? 0;
    if (invalid > f.returned) ctx.addIssue({ code: 'custom', path: ['invalidBallots'], message: `无效票 ${invalid} 张多于收回的 ${f.returned} 张` });
    const valid = f.returned - invalid;
    let sum = 0;
    for (const [n, v] of Object.entries(f.yes ?? {})) {
      sum += v;
      if (v > valid) ctx.addIssue({ code: 'custom', path: ['yes', n], message: `${n} 的赞成票 ${v} 多于有效票 ${valid} 张` });
    }
    if (sum > valid * f.seats) ctx.addIssue({ code: 'custom', path: ['yes'], message: `赞成票共 ${sum} 张，多于有效票 ${valid} 张 × 应选 ${f.seats} 名` });
  });

export type TallyFile = z.infer<typeof TallyFile>;

/** `ballots[3].marks.张三`: the field a message is about, as a user reads the file. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), '');
}

/** The file's problems as lines `field：message`, or the round and its settings. */
export function readTallyFile(raw: unknown): { ok: true; input: RoundInput; settings: ElectionSettings } | { ok: false; problems: string[] } {
  const parsed = TallyFile.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${fieldPath(i.path) || '（文件）'}：${i.message}`) };
  const { kind, settings, ...input } = parsed.data;
  const s = electionSettings(kind, settings);
  if (s.validityBase === 'issued' && input.issued === undefined) return { ok: false, problems: ['issued：按“收回票数不多于发出票数”判断选举有效时须提供发出票数'] };
  return { ok: true, input, settings: s };
}
