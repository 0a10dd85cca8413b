import { strokeSortKey } from '../../domain/names/stroke-order.js';
import type { DelegateInputT } from '../../domain/schemas/roster.js';
import type { Tx } from '../db/client.js';
import { delegateGroups, groupMembers } from '../db/schema/index.js';
import { createRandom } from './generate.js';

interface Member {
  id: string;
  input: DelegateInputT;
  status: string;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const MAX_SIZE = 20;

const isCadre = (m: Member) => m.status === 'active' && (m.input.category === '领导干部' || /党支部(副)?书记|村委会主任/.test(m.input.workplace ?? ''));

function leaders(members: Member[]) {
  const cadres = members.filter(isCadre);
  const leader = cadres[0] ?? members.find((m) => m.status === 'active')!;
  const deputy = cadres.find((m) => m !== leader) ?? members.find((m) => m !== leader && m.status === 'active')!;
  return { leaderId: leader.id, deputyLeaderId: deputy.id };
}

/**
 * Region groups of at most twenty neighbours (village by village, then the township's own
 * units), and one theme group of farmers and village delegates.
 */
export async function seedDemoGroups(
  tx: Tx,
  t: { townshipId: string; termId: string; name: string; villages: string[]; seed: number },
  members: Member[],
): Promise<number> {
  const unitRank = (unit: string) => {
    const v = t.villages.findIndex((name) => unit === `${name}村党支部`);
    return v >= 0 ? v : t.villages.length + unit.charCodeAt(0) / 65536;
  };
  const placeOf = (unit: string) => {
    const village = t.villages.find((v) => unit === `${v}村党支部`);
    return village ?? unit.replace(/党支部$/, '').replace(/^非公企业联合$/, '非公企业');
  };
  const eligible = members
    .filter((m) => m.status !== 'terminated')
    .map((m) => ({ m, rank: unitRank(m.input.electoralUnit ?? ''), key: strokeSortKey(m.input.name) }))
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.m);

  const count = Math.ceil(eligible.length / MAX_SIZE);
  const chunks: Member[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(eligible.length / count) + (i < eligible.length % count ? 1 : 0);
    chunks.push(eligible.slice(start, start + size));
    start += size;
  }
  const plans = chunks.map((chunk, i) => {
    // Named after the villages it covers, or the township units (镇机关、中心学校 …).
    const places = [...new Set(chunk.map((m) => placeOf(m.input.electoralUnit ?? '')))];
    const area = `${places.slice(0, 2).join('、')}片`;
    return { name: `第${ORDINALS[i] ?? i + 1}代表小组（${area}）`, kind: 'region', members: chunk, ...leaders(chunk) };
  });

  const rng = createRandom(t.seed + 7);
  const rural = rng.shuffle(eligible.filter((m) => m.status === 'active' && ['农民', '党员群众代表'].includes(m.input.category ?? '')));
  const theme = rural.slice(0, 16);
  plans.push({ name: '乡村振兴主题小组', kind: 'topic', members: theme, ...leaders(theme) });

  const rows = await tx
    .insert(delegateGroups)
    .values(
      // Distinct creation times keep 第一、第二 … in their order: lists sort by creation.
      plans.map((p, i) => ({
        townshipId: t.townshipId,
        termId: t.termId,
        name: p.name,
        kind: p.kind,
        leaderId: p.leaderId,
        deputyLeaderId: p.deputyLeaderId,
        createdAt: new Date(Date.UTC(2024, 0, 20, 2, i)),
      })),
    )
    .returning({ id: delegateGroups.id, name: delegateGroups.name });
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  await tx
    .insert(groupMembers)
    .values(plans.flatMap((p) => p.members.map((m) => ({ groupId: idOf.get(p.name)!, delegateId: m.id, townshipId: t.townshipId, kind: p.kind }))));
  return plans.length;
}
