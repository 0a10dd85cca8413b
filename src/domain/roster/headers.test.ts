import { describe, expect, it } from 'vitest';
import { findHeaderRow, mapHeaderRow, normaliseHeader, recogniseHeader } from './headers.js';

/** exceljs `row.values` shape: index 0 unused. */
const row = (...cells: unknown[]) => [undefined, ...cells];

describe('recogniseHeader', () => {
  it.each([
    ['序号', 'seq'],
    ['姓  名', 'name'],
    ['出生\n年月', 'birthDate'],
    ['出生日期', 'birthDate'],
    ['出生时间', 'birthDate'],
    ['入党年月', 'partyJoinDate'],
    ['入党日期', 'partyJoinDate'],
    ['文化程度', 'education'],
    ['全日制学历', 'education'],
    ['单位职务', 'workplace'],
    ['工作单位及职务', 'workplace'],
    ['代表构成', 'category'],
    ['选区', 'electoralUnit'],
    ['所在小组', 'group'],
    ['手机号码', 'phone'],
    ['联系电话（手机）', 'phone'],
    ['身份证号', 'idNumber'],
    ['公民身份号码*', 'idNumber'],
    ['出生年月(格式：1975.03)', 'birthDate'],
    ['ｓ姓名', null],
    ['籍贯', null],
    ['', null],
  ])('%j → %s', (text, field) => {
    expect(recogniseHeader(text)).toBe(field);
  });

  it('ignores full-width brackets, ideographic spaces and required marks', () => {
    expect(normaliseHeader('　*身份证号码（18位）')).toBe('身份证号码');
  });
});

describe('findHeaderRow', () => {
  it('skips a title row and picks the header below it', () => {
    const rows = [
      row('中国共产党青山镇第12届代表大会代表名册'),
      row('填报单位：青山镇党委', undefined, undefined, '填报日期：2026年3月'),
      row('序号', '姓 名', '性别', '民族', '出生年月', '入党时间', '学历', '工作单位及职务', '代表类别', '选举单位', '代表小组', '联系电话', '公民身份号码'),
      row(1, '张三', '男'),
    ];
    const m = findHeaderRow(rows)!;
    expect(m.rowNumber).toBe(3);
    expect(m.columns.map((c) => c.field)).toEqual([
      null, 'name', 'gender', 'ethnicity', 'birthDate', 'partyJoinDate', 'education', 'workplace', 'category', 'electoralUnit', 'group', 'phone', 'idNumber',
    ]);
    expect(m.columns[1]).toEqual({ index: 2, header: '姓名', field: 'name' });
    expect(m.ignored).toEqual([]);
  });

  it('requires 姓名 and at least two other known columns', () => {
    expect(findHeaderRow([row('姓名', '性别')])).toBeNull();
    expect(findHeaderRow([row('性别', '民族', '出生年月', '学历')])).toBeNull();
    expect(findHeaderRow([row('姓名', '性别', '民族')])?.rowNumber).toBe(1);
  });

  it('looks no further than the tenth row', () => {
    const rows = Array.from({ length: 10 }, () => row('说明'));
    rows.push(row('姓名', '性别', '民族'));
    expect(findHeaderRow(rows)).toBeNull();
  });

  it('prefers the row naming the most columns', () => {
    const rows = [row('姓名', '性别', '民族'), row('姓名', '性别', '民族', '学历', '选区')];
    expect(findHeaderRow(rows)?.rowNumber).toBe(2);
  });
});

describe('mapHeaderRow', () => {
  it('joins 工作单位 and 职务, reports unknown columns, keeps the first of two phone columns', () => {
    const m = mapHeaderRow(row('姓名', '工作单位', '职务', '籍贯', '手机', '办公电话', '性别'), 1);
    expect(m.columns.filter((c) => c.field === 'workplace').map((c) => c.header)).toEqual(['工作单位', '职务']);
    expect(m.columns.find((c) => c.header === '手机')?.field).toBe('phone');
    expect(m.columns.find((c) => c.header === '办公电话')?.field).toBeNull();
    expect(m.ignored).toEqual(['籍贯', '办公电话']);
    expect([...m.fields].sort()).toEqual(['gender', 'name', 'phone', 'workplace']);
  });
});
