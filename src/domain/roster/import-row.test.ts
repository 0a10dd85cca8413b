import { describe, expect, it } from 'vitest';
import { mapHeaderRow } from './headers.js';
import { importRow, isBlankRow, isSampleRow } from './import-row.js';
import { idCheckDigit } from './idcard.js';

const header = mapHeaderRow(
  [undefined, '序号', '姓名', '性别', '民族', '出生年月', '入党时间', '文化程度', '工作单位', '职务', '代表类别', '选举单位', '所在小组', '手机号码', '身份证号'],
  2,
);
const id = (first17: string) => first17 + idCheckDigit(first17);
/** A row in the header's column order; index 0 unused. */
const cells = (o: Partial<Record<'seq' | 'name' | 'gender' | 'eth' | 'birth' | 'join' | 'edu' | 'unit' | 'post' | 'cat' | 'eu' | 'group' | 'phone' | 'id', unknown>>) => [
  undefined, o.seq ?? 1, o.name, o.gender, o.eth, o.birth, o.join, o.edu, o.unit, o.post, o.cat, o.eu, o.group, o.phone, o.id,
];
const zhang = { name: ' 张　 三 ', gender: '男性', eth: '汉', birth: '1975.03', join: '1998年7月', edu: '大学', unit: '青山镇人民政府', post: '镇长', cat: '党政干部', eu: '青山村', group: '第一小组', phone: '１３８０００１３８００', id: id('33010219750301001') };

describe('importRow', () => {
  it('cleans a typical row into a DelegateInput', () => {
    const r = importRow(3, cells(zhang), header.columns);
    expect(r.problems).toEqual([]);
    expect(r.input).toEqual({
      name: '张三', gender: '男', ethnicity: '汉族', birthDate: '1975-03', partyJoinDate: '1998-07', education: '大学',
      workplace: '青山镇人民政府镇长', category: '党政干部', electoralUnit: '青山村', phone: '13800013800', idNumber: zhang.id,
    });
    expect(r.group).toBe('第一小组');
    expect(r.values.name).toBe('张三');
  });

  it.each([
    ['1975-03-01', '1975-03-01'],
    ['1975/3/1', '1975-03-01'],
    ['1975年3月', '1975-03'],
    [27454, '1975-03-01'],
    [new Date(Date.UTC(1975, 2, 1)), '1975-03-01'],
  ])('reads the date %j as %s', (birth, value) => {
    expect(importRow(3, cells({ ...zhang, birth, id: undefined }), header.columns).input?.birthDate).toBe(value);
  });

  it('names row and column in Chinese for every problem', () => {
    const r = importRow(7, cells({ ...zhang, birth: '1975.13', gender: '未知', name: '', id: undefined }), header.columns);
    expect(r.input).toBeNull();
    expect(r.problems.map((p) => p.message)).toEqual([
      '第7行“姓名”：请填写姓名',
      '第7行“性别”：性别应为“男”或“女”',
      expect.stringMatching(/^第7行“出生年月”：.*1975\.13/),
    ]);
    expect(r.problems.map((p) => [p.column, p.field])).toEqual([['姓名', 'name'], ['性别', 'gender'], ['出生年月', 'birthDate']]);
    expect(r.values.birthDate).toBe('1975.13');
  });

  it('explains an ID number that Excel stored as a number', () => {
    const r = importRow(4, cells({ ...zhang, id: 330102197503010000 }), header.columns);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/^第4行“身份证号”：身份证号被 Excel 存成了数字/);
  });

  it('takes the gender from the ID number when the cell is empty', () => {
    const r = importRow(4, cells({ ...zhang, gender: '', id: id('33010219800101002') }), header.columns);
    expect(r.input?.gender).toBe('女');
  });

  it('refuses over-long text naming the limit', () => {
    const r = importRow(5, cells({ ...zhang, cat: '类'.repeat(41) }), header.columns);
    expect(r.problems.map((p) => p.message)).toEqual(['第5行“代表类别”：不能超过 40 个字']);
  });

  it('keeps a warning for 1975.1 read as October but imports the row', () => {
    const r = importRow(6, cells({ ...zhang, birth: 1975.1, id: undefined }), header.columns);
    expect(r.input?.birthDate).toBe('1975-10');
    expect(r.warnings[0]).toMatch(/^第6行“出生年月”：/);
  });

  it('recognises blank and sample rows', () => {
    expect(isBlankRow(cells({ seq: 9 }), header.columns)).toBe(true);
    expect(isBlankRow(cells({ name: '李四' }), header.columns)).toBe(false);
    expect(isSampleRow(cells({ ...zhang, seq: '示例' }), header.columns)).toBe(true);
    expect(isSampleRow(cells(zhang), header.columns)).toBe(false);
  });
});
