import { GROUP_KINDS } from '../../../domain/groups/size.js';
import { STATUS_REASONS } from '../../../domain/roster/status.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { writeAudit } from '../../audit/audit.js';
import { getSetting, putSetting } from '../settings/index.js';

export const CATEGORIES_KEY = 'delegateCategories';

/** The usual composition of a township congress; each township may change the list. */
export const DEFAULT_CATEGORIES = ['领导干部', '专业技术人员', '工人', '农民', '妇女', '少数民族', '党员群众代表', '其他'];

export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中', '小学'];

/** The 56 nationalities in the order of GB/T 3304. */
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

export async function loadCategories(db: Executor, townshipId: string): Promise<string[]> {
  const stored = await getSetting(db, townshipId, CATEGORIES_KEY);
  return Array.isArray(stored) && stored.every((c) => typeof c === 'string') && stored.length > 0 ? stored : DEFAULT_CATEGORIES;
}

export async function getRosterOptions(ctx: AppContext, s: TownshipScope) {
  return {
    categories: await loadCategories(ctx.database.db, s.township.id),
    educations: EDUCATIONS,
    ethnicities: ETHNICITIES,
    statusReasons: Object.entries(STATUS_REASONS).map(([id, r]) => ({ id, label: r.label, to: r.to })),
    groupKinds: Object.entries(GROUP_KINDS).map(([id, label]) => ({ id, label })),
  };
}

export async function putCategories(ctx: AppContext, s: TownshipScope, categories: string[]) {
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadCategories(tx, s.township.id);
    await putSetting(tx, s.township.id, CATEGORIES_KEY, categories);
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'settings.update',
      entity: 'settings',
      entityId: CATEGORIES_KEY,
      before: { categories: before },
      after: { categories },
    });
    return { categories };
  });
}
