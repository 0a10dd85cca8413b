import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { createRandom, generateDelegateInputs } from '../../src/server/seed/generate.js';

/** 十八届中央政治局委员, in the official order (DOMAIN.md "Name order"). */
const OFFICIAL = '习近平、马凯、王岐山、王沪宁、刘云山、刘延东、刘奇葆、许其亮、孙春兰、孙政才、李克强、李建国、李源潮、汪洋、张春贤、张高丽、张德江、范长龙、孟建柱、赵乐际、胡春华、俞正声、栗战书、郭金龙、韩正'.split('、');

describe(`roster (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let url: string;
  const people = generateDelegateInputs(60, 4242);
  let next = 0;
  /** A valid delegate not yet used in this file. */
  const person = (over: Record<string, unknown> = {}) => ({ ...people[next++]!, ...over });

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    url = `/api/townships/${w.townships.a.id}/delegates`;
  });
  afterAll(() => w.close());

  const audits = (action: string) =>
    w.ctx.database.query<{ before: unknown; after: unknown; entity_id: string }>(`select before, after, entity_id from audit_log where action = $1 order by id`, [action]);

  it('creates a delegate and lists phone and ID number masked only', async () => {
    const p = person({ phone: '138 0013 8000', electoralUnit: '石桥村党支部' });
    const res = await admin.post(url, p);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: p.name, phoneMasked: '138****8000', status: 'active', electoralUnit: { name: '石桥村党支部' }, groups: [] });
    expect(res.body.idNumberMasked).toBe(`${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`);
    const list = await admin.get(`${url}?pageSize=100`);
    expect(list.status).toBe(200);
    const raw = JSON.stringify(list.body);
    expect(raw).not.toContain('13800138000');
    expect(raw).not.toContain(p.idNumber);
    expect(list.body.items.find((d: any) => d.id === res.body.id)).toMatchObject({ phoneMasked: '138****8000' });
    const stored = await w.ctx.database.query<{ phone_enc: string }>(`select phone_enc from delegates where id = $1`, [res.body.id]);
    expect(stored[0]!.phone_enc).not.toContain('13800138000');
  });

  it('shows the full numbers to the township administrator only, and audits the view without them', async () => {
    const p = person();
    const { body: d } = await admin.post(url, p);
    const res = await admin.get(`${url}/${d.id}/personal`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phone: p.phone, idNumber: p.idNumber });
    const entries = (await audits('delegate.viewPersonal')).filter((e) => e.entity_id === d.id);
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0])).not.toContain(p.phone);
    expect(JSON.stringify(entries[0])).not.toContain(p.idNumber);

    const committee = await w.as('committeeMember');
    expect((await committee.get(`${url}/${d.id}/personal`)).status).toBe(403);
    expect((await committee.get(`${url}/${d.id}`)).status).toBe(200);
    const other = await w.as('townshipAdmin', 'b');
    expect((await other.get(`${url}/${d.id}/personal`)).status).toBe(404);
    expect((await other.get(`/api/townships/${w.townships.b.id}/delegates/${d.id}/personal`)).status).toBe(404);
  });

  it('finds delegates by part of the name, by an exact phone and by an exact ID number', async () => {
    const a = person({ name: '欧阳春晓' });
    const b = person({ name: '春生' });
    const { body: da } = await admin.post(url, a);
    const { body: db } = await admin.post(url, b);
    const names = async (q: string) => (await admin.get(`${url}?q=${encodeURIComponent(q)}&pageSize=100`)).body.items.map((d: any) => d.name);
    expect(await names('春')).toEqual(expect.arrayContaining(['欧阳春晓', '春生']));
    expect(await names('欧阳')).toEqual(['欧阳春晓']);
    expect(await names(`${a.phone.slice(0, 3)} ${a.phone.slice(3, 7)} ${a.phone.slice(7)}`)).toEqual(['欧阳春晓']);
    expect(await names(b.idNumber.toLowerCase())).toEqual(['春生']);
    // Encrypted numbers are only found whole: a part of a phone finds nobody.
    expect(await names(a.phone.slice(0, 8))).toEqual([]);
    expect(da.id).not.toBe(db.id);
  });

  it('orders by surname strokes as official lists do, page by page with the right totals', async () => {
    const rng = createRandom(7);
    const created: string[] = [];
    for (const name of rng.shuffle(OFFICIAL)) {
      const res = await admin.post(url, person({ name, category: '政治局' }));
      expect(res.status).toBe(201);
      created.push(res.body.id);
    }
    const all = await admin.get(`${url}?category=${encodeURIComponent('政治局')}&sort=strokes&pageSize=100`);
    expect(all.body.items.map((d: any) => d.name)).toEqual(OFFICIAL);
    expect(all.body.total).toBe(25);
    const page2 = await admin.get(`${url}?category=${encodeURIComponent('政治局')}&page=2&pageSize=10`);
    expect(page2.body).toMatchObject({ total: 25, page: 2, pageSize: 10 });
    expect(page2.body.items.map((d: any) => d.name)).toEqual(OFFICIAL.slice(10, 20));
    const page3 = await admin.get(`${url}?category=${encodeURIComponent('政治局')}&page=3&pageSize=10`);
    expect(page3.body.items.map((d: any) => d.name)).toEqual(OFFICIAL.slice(20));
    const updated = await admin.get(`${url}?category=${encodeURIComponent('政治局')}&sort=updated&pageSize=1`);
    expect(updated.body.items[0].id).toBe(created[created.length - 1]);
  });

  it('filters by status, category and electoral unit, in the current term by default', async () => {
    const p = person({ category: '工人', electoralUnit: '青山镇测试企业党支部' });
    const { body: d } = await admin.post(url, p);
    await admin.post(url, person({ category: '工人', electoralUnit: '青山镇测试企业党支部' }));
    const units = (await admin.get(`/api/townships/${w.townships.a.id}/electoral-units`)).body.items;
    const unit = units.find((u: any) => u.name === '青山镇测试企业党支部');
    expect(unit).toMatchObject({ active: 2, suspended: 0, terminated: 0, vacancies: 0 });
    const byUnit = await admin.get(`${url}?electoralUnitId=${unit.id}`);
    expect(byUnit.body.total).toBe(2);
    expect(byUnit.body.items.every((x: any) => x.electoralUnit.id === unit.id)).toBe(true);
    const both = await admin.get(`${url}?category=${encodeURIComponent('工人')}&status=active&q=${encodeURIComponent(p.name)}`);
    expect(both.body.items.map((x: any) => x.id)).toContain(d.id);
    expect((await admin.get(`${url}?status=terminated`)).body.total).toBe(0);

    const { body: term } = await admin.post(`/api/townships/${w.townships.a.id}/terms`, { number: 11, startsOn: '2016-09-01', endsOn: '2021-08-31' });
    const old = await admin.get(`${url}?termId=${term.id}`);
    expect(old.body).toMatchObject({ items: [], total: 0 });
    expect((await admin.get(`${url}?termId=${w.townships.b.termId}`)).status).toBe(404);
  });

  it('refuses bad data with a Chinese message naming the problem, and writes nothing', async () => {
    const p = person();
    const badCheck = p.idNumber.slice(0, 17) + (p.idNumber[17] === '0' ? '1' : '0');
    const before = (await admin.get(url)).body.total;
    const res = await admin.post(url, { ...p, idNumber: badCheck });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toMatch(/身份证/);
    expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'idNumber' })]));
    const gender = await admin.post(url, { ...p, gender: p.gender === '男' ? '女' : '男' });
    expect(gender.status).toBe(400);
    expect(gender.body.error.message).toMatch(/性别与身份证号/);
    const phone = await admin.post(url, { ...p, phone: '12345' });
    expect(phone.status).toBe(400);
    expect(phone.body.error.message).toMatch(/电话号码/);
    const shape = await admin.post(url, { gender: '未知' });
    expect(shape.status).toBe(400);
    expect(shape.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const blank = await admin.post(url, { ...p, name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toMatch(/姓名/);
    expect((await admin.get(url)).body.total).toBe(before);
  });

  it('refuses an ID number already used in the term, naming who has it', async () => {
    const p = person();
    await admin.post(url, p);
    const res = await admin.post(url, person({ idNumber: p.idNumber, gender: p.gender, birthDate: p.birthDate }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`身份证号已被代表${p.name}使用`);
  });

  it('updates a delegate and audits before and after with masked numbers only', async () => {
    const p = person();
    const { body: d } = await admin.post(url, p);
    const newPhone = '13912345678';
    const res = await admin.put(`${url}/${d.id}`, { ...p, name: `${p.name.slice(0, 1)} ${p.name.slice(1)}`, workplace: '青山镇人民政府', phone: newPhone });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: p.name, workplace: '青山镇人民政府', phoneMasked: '139****5678' });
    const [entry] = (await audits('delegate.update')).filter((e) => e.entity_id === d.id);
    expect(entry!.before).toMatchObject({ workplace: p.workplace, phoneMasked: expect.stringContaining('****') });
    expect(entry!.after).toMatchObject({ workplace: '青山镇人民政府', phoneMasked: '139****5678' });
    const trail = JSON.stringify(await w.ctx.database.query(`select before, after from audit_log where entity_id = $1`, [d.id]));
    expect(trail).not.toContain(newPhone);
    expect(trail).not.toContain(p.phone);
    expect(trail).not.toContain(p.idNumber);
    expect((await admin.put(`${url}/00000000-0000-4000-8000-000000000001`, p)).status).toBe(404);
    const committee = await w.as('committeeMember');
    expect((await committee.put(`${url}/${d.id}`, p)).status).toBe(403);
  });

  it('keeps the stored phone and ID number when an edit leaves them out, and clears them on null', async () => {
    const p = person();
    const { body: d } = await admin.post(url, p);
    const { phone: _p, idNumber: _i, ...rest } = p;
    const kept = await admin.put(`${url}/${d.id}`, { ...rest, workplace: '白水乡卫生院' });
    expect(kept.status).toBe(200);
    expect((await admin.get(`${url}/${d.id}/personal`)).body).toEqual({ phone: p.phone, idNumber: p.idNumber });
    const cleared = await admin.put(`${url}/${d.id}`, { ...rest, phone: null });
    expect(cleared.body.phoneMasked).toBeNull();
    expect(cleared.body.idNumberMasked).not.toBeNull();
  });

  it('offers the form choices and lets the administrator change the categories', async () => {
    const optionsUrl = `/api/townships/${w.townships.a.id}/roster/options`;
    const { body: options } = await admin.get(optionsUrl);
    expect(options.categories).toEqual(['领导干部', '专业技术人员', '工人', '农民', '妇女', '少数民族', '党员群众代表', '其他']);
    expect(options.educations[0]).toBe('研究生');
    expect(options.ethnicities).toHaveLength(56);
    expect(options.statusReasons).toContainEqual({ id: 'resignationAccepted', label: '辞去代表职务被接受', to: 'terminated' });
    expect(options.groupKinds).toContainEqual({ id: 'region', label: '按区域' });
    const put = await admin.put(`/api/townships/${w.townships.a.id}/roster/categories`, { categories: ['村（社区）干部', '机关干部', '其他'] });
    expect(put.body).toEqual({ categories: ['村（社区）干部', '机关干部', '其他'] });
    expect((await admin.get(optionsUrl)).body.categories).toEqual(['村（社区）干部', '机关干部', '其他']);
    expect((await audits('settings.update')).at(-1)!.after).toEqual({ categories: ['村（社区）干部', '机关干部', '其他'] });
    const dup = await admin.put(`/api/townships/${w.townships.a.id}/roster/categories`, { categories: ['其他', '其他'] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.message).toMatch(/重复/);
    const committee = await w.as('committeeMember');
    expect((await committee.put(`/api/townships/${w.townships.a.id}/roster/categories`, { categories: ['x'] })).status).toBe(403);
    // Township B keeps the default list.
    const other = await w.as('townshipAdmin', 'b');
    expect((await other.get(`/api/townships/${w.townships.b.id}/roster/options`)).body.categories).toHaveLength(8);
  });

  it('keeps the roster from roles that have no business reading it', async () => {
    const unit = await w.as('handlingUnit');
    expect((await unit.get(url)).status).toBe(403);
    const delegate = await w.as('delegate');
    expect((await delegate.get(url)).status).toBe(403);
    expect((await delegate.post(url, person())).status).toBe(403);
  });
});
