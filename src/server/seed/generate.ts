/**
 * Plausible, deterministic delegate data for the demo installation, the benchmarks and tests:
 * the same seed always gives the same people, with valid ID numbers that match their birth
 * dates and genders.
 */
import { idCheckDigit } from '../../domain/roster/idcard.js';
import type { DelegateInputT } from '../../domain/schemas/roster.js';

/** mulberry32: small, fast and good enough to make demo data look random. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** Picks from [value, weight] pairs. */
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of list) {
      r -= w;
      if (r < 0) return v;
    }
    return list[list.length - 1]![0];
  };
  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, weighted, shuffle };
}
export type Random = ReturnType<typeof createRandom>;

// The most common surnames, weighted roughly by frequency.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 68], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 25], ['赵', 23], ['吴', 21], ['周', 20],
  ['徐', 14], ['孙', 13], ['马', 12], ['朱', 12], ['胡', 11], ['郭', 11], ['何', 10], ['林', 9], ['高', 9], ['罗', 9],
  ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 4], ['田', 4], ['董', 4], ['潘', 3], ['袁', 3], ['蔡', 3], ['蒋', 3], ['余', 3], ['于', 3],
  ['杜', 3], ['叶', 3], ['程', 3], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3], ['姚', 3],
  ['卢', 2], ['姜', 2], ['崔', 2], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 2],
  ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 2],
  ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1], ['严', 1],
  ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1], ['欧阳', 1], ['司马', 0.3],
];
const MALE_CHARS = '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';
const FEMALE_CHARS = '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽';

export function generateName(rng: Random, gender: '男' | '女'): string {
  const surname = rng.weighted(SURNAMES);
  const chars = gender === '男' ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.next() < 0.22 ? rng.pick([...chars]) : rng.pick([...chars]) + rng.pick([...chars]);
  return surname + given;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An 18-digit number for `regionCode` (6 digits), birth date YYYY-MM-DD and gender. */
export function generateIdNumber(rng: Random, regionCode: string, birthDate: string, gender: '男' | '女'): string {
  const seq = rng.int(0, 49) * 2 + (gender === '男' ? 1 : 0);
  const first17 = regionCode + birthDate.replace(/-/g, '') + pad(rng.int(0, 99)) + String(seq % 10);
  return first17 + idCheckDigit(first17);
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '199'];

export function generateMobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
}

const EDUCATIONS: readonly (readonly [string, number])[] = [
  ['研究生', 4], ['大学本科', 34], ['大学专科', 30], ['中专', 9], ['高中', 13], ['初中', 9], ['小学', 1],
];
const MINORITIES = ['回族', '满族', '蒙古族', '壮族', '土家族', '苗族'];

export const DEFAULT_VILLAGES = ['石桥', '新河', '柳林', '枣园', '红旗', '东岗', '杏花', '南湾', '双井', '龙泉'];

/** A kind of delegate: where they work, their post, and the category and unit it implies. */
interface Profile {
  weight: number;
  women?: number;
  /** A post one person holds (党委书记, a village's secretary): never given twice. */
  unique?: boolean;
  /** `t` the township ('青山镇'), `v` a village, `lv` '镇' or '乡'. */
  post(t: string, v: string, lv: string, r: Random): string;
  category: string;
  unit(v: string, lv: string): string;
  minAge?: number;
}

const PROFILES: readonly Profile[] = [
  { weight: 7, women: 0.15, unique: true, post: (t, _v, lv, r) => `${t}${r.pick(['党委书记', `党委副书记、${lv}长`, '党委副书记', '党委委员、组织委员', '党委委员、纪委书记', '党委委员、宣传委员', `党委委员、副${lv}长`, '党委委员、武装部部长', '党政综合办公室主任', '经济发展办公室主任', '社会事务办公室主任', '综治中心主任', '便民服务中心主任'])}`, category: '领导干部', unit: (_v, lv) => `${lv}机关党支部`, minAge: 30 },
  { weight: 22, women: 0.1, unique: true, post: (t, v) => `${t}${v}村党支部书记`, category: '党员群众代表', unit: (v) => `${v}村党支部`, minAge: 28 },
  { weight: 10, women: 0.35, post: (t, v, _lv, r) => `${t}${v}村${r.pick(['村委会主任', '村委会委员', '党支部副书记', '村务监督委员会主任'])}`, category: '党员群众代表', unit: (v) => `${v}村党支部` },
  { weight: 16, women: 0.18, post: (t, v, _lv, r) => `${t}${v}村${r.pick(['种粮大户', '养殖户', '家庭农场主', '果园种植户', '蔬菜合作社理事长', '党员'])}`, category: '农民', unit: (v) => `${v}村党支部` },
  { weight: 7, women: 0.5, post: (t, _v, _lv, r) => `${t}${r.pick(['中心学校教师', '中心小学校长', '初级中学教师'])}`, category: '专业技术人员', unit: (_v, lv) => `${lv}中心学校党支部` },
  { weight: 5, women: 0.45, post: (t, _v, _lv, r) => `${t}卫生院${r.pick(['院长', '主治医师', '护士长', '全科医生'])}`, category: '专业技术人员', unit: (_v, lv) => `${lv}卫生院党支部` },
  { weight: 4, women: 0.2, post: (t, _v, _lv, r) => `${t}${r.pick(['农业综合服务中心农艺师', '畜牧兽医站兽医师', '水利站技术员'])}`, category: '专业技术人员', unit: (_v, lv) => `${lv}机关党支部` },
  { weight: 10, women: 0.2, post: (t, _v, _lv, r) => `${t}${r.pick(['农机制造有限公司', '食品加工厂', '建材有限公司', '纺织有限公司'])}${r.pick(['车间主任', '技术工人', '班组长', '质检员'])}`, category: '工人', unit: () => '非公企业联合党支部' },
  { weight: 8, women: 1, unique: true, post: (t, v, _lv, r) => `${t}${v}村${r.pick(['妇联主席', '妇女主任'])}`, category: '妇女', unit: (v) => `${v}村党支部` },
  { weight: 4, women: 0.25, post: (t, _v, _lv, r) => `${t}${r.pick(['个体工商户', '电商服务站负责人', '快递网点负责人'])}`, category: '党员群众代表', unit: () => '非公企业联合党支部' },
  { weight: 3, women: 0.2, post: (t, v) => `${t}${v}村退休教师`, category: '其他', unit: (v) => `${v}村党支部`, minAge: 55 },
];

/** A generated delegate has every field filled in. */
export type GeneratedDelegate = DelegateInputT & {
  gender: '男' | '女';
  birthDate: string;
  partyJoinDate: string;
  electoralUnit: string;
  phone: string;
  idNumber: string;
};

export interface GenerateOptions {
  /** Shown in workplaces: '青山镇'. */
  townshipName?: string;
  villages?: readonly string[];
  /** The six-digit region code ID numbers start with. */
  regionCode?: string;
  /** Birth years are drawn from this range. */
  birthYears?: [number, number];
  /** The year the data describes; party join dates stay before it. */
  currentYear?: number;
}

/**
 * `n` delegates as an officer would type them. ID numbers and phones are unique within the
 * result; roughly 30% women and 8% of minority ethnicities.
 */
export function generateDelegateInputs(n: number, seed: number, opts: GenerateOptions = {}): GeneratedDelegate[] {
  const rng = createRandom(seed);
  const township = opts.townshipName ?? '青山镇';
  const lv = township.endsWith('乡') ? '乡' : '镇';
  const villages = opts.villages ?? DEFAULT_VILLAGES;
  const region = opts.regionCode ?? '411521';
  const [fromYear, toYear] = opts.birthYears ?? [1960, 1995];
  const currentYear = opts.currentYear ?? 2024;
  const ids = new Set<string>();
  const phones = new Set<string>();
  const posts = new Set<string>();
  const profiles = PROFILES.map((p) => [p, p.weight] as const);
  const out: GeneratedDelegate[] = [];
  while (out.length < n) {
    const profile = rng.weighted(profiles);
    const village = rng.pick(villages);
    const gender: '男' | '女' = rng.next() < (profile.women ?? 0.3) ? '女' : '男';
    const year = rng.int(fromYear, Math.min(toYear, currentYear - (profile.minAge ?? 23)));
    const month = rng.int(1, 12);
    const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    const birthDay = `${year}-${pad(month)}-${pad(day)}`;
    const idNumber = generateIdNumber(rng, region, birthDay, gender);
    const phone = generateMobile(rng);
    const workplace = profile.post(township, village, lv, rng);
    if (ids.has(idNumber) || phones.has(phone) || (profile.unique && posts.has(workplace))) continue;
    ids.add(idNumber);
    phones.add(phone);
    posts.add(workplace);
    // Joined after the 18th birthday, a year or more before the data's year.
    const joinYear = rng.int(year + 19, Math.min(currentYear - 1, year + 40));
    const ethnicity = rng.next() < 0.92 ? '汉族' : rng.pick(MINORITIES);
    out.push({
      name: generateName(rng, gender),
      gender,
      ethnicity,
      birthDate: `${year}-${pad(month)}`,
      partyJoinDate: `${joinYear}-${pad(rng.int(1, 12))}`,
      education: rng.weighted(EDUCATIONS),
      workplace,
      category: profile.category,
      electoralUnit: profile.unit(village, lv),
      phone,
      idNumber,
    });
  }
  return out;
}
