import { PERSONAL_DATA_VIEWERS } from '../../../domain/accounts/roles.js';
import { idCheckDigit, maskIdNumber, maskPhone } from '../../../domain/roster/idcard.js';
import { DELEGATE_STATUSES, type DelegateStatus } from '../../../domain/roster/status.js';
import { sortByStrokes } from '../../../domain/names/stroke-order.js';
import { GROUP_KINDS } from '../../../domain/groups/size.js';
import type { AppContext } from '../../context.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type Actor, type TownshipScope } from '../../access/types.js';
import { writeRosterWorkbook, type RosterSheetRow } from '../../documents/roster-xlsx-write.js';
import { findCurrentTerm } from '../terms/index.js';
import { requireCurrentTerm } from '../terms/index.js';
import { decryptField, maskedField, profileOf } from '../roster/presenter.js';
import * as repo from './repository.js';

export const rosterTitle = (townshipName: string, termNumber: number | null) =>
  `中国共产党${townshipName}${termNumber ? `第${termNumber}届` : ''}代表大会代表名册`;

export interface XlsxFile {
  fileName: string;
  data: Buffer;
}

/**
 * The roster of the current term as a workbook that imports back unchanged. Phone and ID
 * numbers are in full only for those who may see them, and every export is audited.
 */
export interface ExportTarget {
  township: { id: string; name: string };
  actor: Actor;
  /** Phone and ID numbers in full: the township's administrators, or the command line when asked. */
  unmasked: boolean;
}

/** Who asks through the web: full numbers only for the roles allowed to see personal data. */
export const webExportTarget = (s: TownshipScope): ExportTarget => ({
  township: s.township,
  actor: actorOf(s.user),
  unmasked: PERSONAL_DATA_VIEWERS.includes(s.user.role),
});

export async function exportRoster(ctx: AppContext, target: ExportTarget, query: { status?: DelegateStatus }): Promise<XlsxFile> {
  const db = ctx.database.db;
  const { township, unmasked } = target;
  const townshipId = township.id;
  const term = await requireCurrentTerm(db, townshipId);
  const { rows, groups } = await repo.exportDelegates(db, townshipId, term.id, query.status);
  const groupOf = new Map<string, string>();
  // The roster's 代表小组 is the regional group; a delegate with none shows its first group.
  for (const g of groups) if (g.kind === ('region' satisfies keyof typeof GROUP_KINDS) || !groupOf.has(g.delegateId)) groupOf.set(g.delegateId, g.name);
  const reveal = (stored: string | null, mask: (v: string) => string) =>
    unmasked ? decryptField(ctx.cipher, stored) : maskedField(ctx.cipher, stored, mask);
  const sheetRows: RosterSheetRow[] = rows.map(({ delegate: d, unitName }) => ({
    ...profileOf(d),
    electoralUnit: unitName,
    group: groupOf.get(d.id) ?? null,
    phone: reveal(d.phoneEnc, maskPhone),
    idNumber: reveal(d.idNumberEnc, maskIdNumber),
    status: DELEGATE_STATUSES[d.status as DelegateStatus] ?? d.status,
  }));
  const data = await writeRosterWorkbook({
    title: rosterTitle(township.name, term.number),
    rows: sortByStrokes(sheetRows, (r) => r.name ?? ''),
    withStatus: true,
  });
  await db.transaction(async (tx) => {
    await writeAudit(tx, target.actor, {
      townshipId,
      action: 'roster.export',
      entity: 'term',
      entityId: term.id,
      after: { count: sheetRows.length, status: query.status ?? null, unmasked },
    });
  });
  const suffix = query.status ? `（${DELEGATE_STATUSES[query.status]}）` : '';
  return { fileName: `${township.name}第${term.number}届党代表名册${suffix}.xlsx`, data };
}

/** A fictitious sample person with a well-formed ID number, so the sample shows every format. */
const SAMPLE_ID = '11010119750301003';

export const TEMPLATE_NOTES = [
  '1. 第1行为标题，第2行为表头，请从第3行起每行填写一名代表；序号为“示例”的行不会导入，可直接删除或覆盖。',
  '2. 必填：姓名、性别（男/女）。填写了公民身份号码时性别可不填，系统按身份证号判断。',
  '3. 出生年月、入党时间可写作 1975.03、1975年3月、1975-03-01 或 1975/3/1，也可用 Excel 日期；请保持单元格为“文本”，以免 1975.10 被存成 1975.1。',
  '4. 公民身份号码须为18位（末位可为X），请以文本填写，避免 Excel 把它变成科学计数法而丢失末几位。',
  '5. 联系电话可填手机号码，或带区号的固定电话（如 0571-88886666）。',
  '6. 代表小组填写小组名称：系统中没有的小组会自动建为“按区域”划分的小组；一名代表在同类小组中只属于一个，导入会把代表从原小组移到新小组。',
  '7. 重复导入同一名册会更新已有代表，不会重复新增：有身份证号的按身份证号匹配，没有的按姓名和出生年月匹配；表中没有的列保持原值不变。',
  '8. 导入为“要么全部导入，要么全不导入”：任何一行有问题时不写入任何数据，请按预览中“第几行、哪一列”的提示修改后重新导入。',
  '9. 表头可用常见写法，如“出生日期”“入党年月”“文化程度”“单位职务”（或“工作单位”“职务”两列）“所在小组”“手机号码”“身份证号”。',
];

export async function rosterTemplate(ctx: AppContext, township: { id: string; name: string }): Promise<XlsxFile> {
  const term = await findCurrentTerm(ctx.database.db, township.id);
  const data = await writeRosterWorkbook({
    title: rosterTitle(township.name, term?.number ?? null),
    rows: [],
    template: {
      sample: {
        name: '张三', gender: '男', ethnicity: '汉族', birthDate: '1975-03', partyJoinDate: '1998-07', education: '大学',
        workplace: '某某村党支部书记、村委会主任', category: '基层党组织书记', electoralUnit: '某某村党支部', group: '第一代表小组',
        phone: '13800000000', idNumber: SAMPLE_ID + idCheckDigit(SAMPLE_ID),
      },
      notes: TEMPLATE_NOTES,
    },
  });
  return { fileName: `${township.name}党代表名册导入模板.xlsx`, data };
}
