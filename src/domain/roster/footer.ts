/**
 * The footer real roster workbooks carry below the table: 填表人、审核人、联系电话、制表日期,
 * a 注： line and its continuation lines. These rows are not delegates; the import skips them
 * and the preview says why, instead of refusing a “delegate with no name”.
 */
import { cleanCell } from '../text/clean.js';

const LABEL = /^(?:填表人|填报人|制表人|审核人|审批人|核对人|负责人|单位负责人|经办人|联系人|联系电话|电话|制表日期|填表日期|填报日期|报送日期|日期|单位|填报单位|盖章|注|备注|说明|附注|合计|总计|共计)\s*(?:（[^）]*）|\([^)]*\))?\s*[:：]/u;
const NOTE_START = /^(?:注|备注|说明|附注)\s*[:：]?$/u;

export const FOOTER_REASON = '表格下方的落款或说明（填表人、审核人、注等），不是代表，不导入';

function texts(cells: readonly unknown[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < cells.length; i++) {
    const t = cleanCell(cells[i]).trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** A row whose cells open with a footer label: 填表人：, 注：, 制表日期：…, or a bare 注. */
export function isFooterLabelRow(cells: readonly unknown[]): boolean {
  const t = texts(cells);
  return t.length > 0 && (LABEL.test(t[0]!) || NOTE_START.test(t[0]!));
}

/** One filled cell only: a continuation line of a note, a signature line. */
const isTextOnly = (cells: readonly unknown[]) => texts(cells).length === 1;
const isBlank = (cells: readonly unknown[]) => texts(cells).length === 0;

/**
 * The index (into `rows`) where the footer begins, or `rows.length` when there is none: the
 * first footer-labelled row of the trailing run of blank, labelled and single-cell rows. A
 * delegate row below it would end the run, so a footer is only ever what follows the table.
 */
export function footerStart(rows: readonly (readonly unknown[])[]): number {
  let i = rows.length;
  while (i > 0) {
    const cells = rows[i - 1]!;
    if (isBlank(cells) || isTextOnly(cells) || isFooterLabelRow(cells)) i--;
    else break;
  }
  for (let j = i; j < rows.length; j++) if (isFooterLabelRow(rows[j]!)) return j;
  return rows.length;
}
