import { describe, expect, it } from 'vitest';
import { footerStart, isFooterLabelRow } from './footer.js';

/** Cells as exceljs gives them: index 0 unused. */
const row = (...cells: unknown[]) => [undefined, ...cells];
const delegate = (n: number, name: string) => row(n, name, '男', '汉族', '1975.03');

describe('footer rows below a roster table', () => {
  it('recognises the labels townships write under the table', () => {
    expect(isFooterLabelRow(row(undefined, '填表人：王芳', undefined, '审核人：李强'))).toBe(true);
    expect(isFooterLabelRow(row('注：1.代表类别按组织部口径填写'))).toBe(true);
    expect(isFooterLabelRow(row('制表日期：2026年3月1日'))).toBe(true);
    expect(isFooterLabelRow(row('联系电话:0571-88886666'))).toBe(true);
    expect(isFooterLabelRow(row('注'))).toBe(true);
    expect(isFooterLabelRow(row('填报单位（盖章）：青山镇党委'))).toBe(true);
  });

  it('never takes a delegate for a footer', () => {
    expect(isFooterLabelRow(delegate(1, '王芳'))).toBe(false);
    expect(isFooterLabelRow(row(3, '注'))).toBe(false);
  });

  it('finds the footer after the last delegate, with its continuation lines', () => {
    const rows = [
      delegate(1, '张三'),
      delegate(2, '李四'),
      row(),
      row('注：1.出生年月按身份证填写；'),
      row('2.代表类别按组织部口径。'),
      row('填表人：王芳', undefined, '审核人：李强', undefined, '联系电话：0571-88886666'),
      row('制表日期：2026年3月1日'),
    ];
    expect(footerStart(rows)).toBe(3);
  });

  it('leaves a table without footer whole, and a name-only last row a delegate', () => {
    expect(footerStart([delegate(1, '张三'), row()])).toBe(2);
    expect(footerStart([delegate(1, '张三'), row(undefined, '李四'), row('填表人：王芳')])).toBe(2);
  });

  it('does not call a labelled row in the middle of the table a footer', () => {
    const rows = [delegate(1, '张三'), row('注：以下为补选代表'), delegate(2, '李四')];
    expect(footerStart(rows)).toBe(3);
  });
});
