import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { addDelegates, asDelegate, createMeeting, inDays } from './meeting-fixtures.js';

function multipart(filename: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = 'nianhuiBoundary7d1';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe(`briefings and delegates' comments (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let tid: string;
  let meeting: any;
  let delegate: ApiClient;
  let briefingId: string;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    tid = w.townships.a.id;
    meeting = await createMeeting(admin, tid, { startsOn: inDays(30) });
    const [d] = await addDelegates(w, 'a', 1);
    delegate = await asDelegate(w, 'a', d!.id);
  });
  afterAll(() => w.close());

  it('publishes a briefing that delegates of the township read', async () => {
    const res = await admin.post(`/api/townships/${tid}/meetings/${meeting.id}/briefings`, { title: '镇党委2026年工作情况通报', body: '一年来，镇党委……' });
    expect(res.status).toBe(201);
    briefingId = res.body.id;
    const list = await delegate.get(`/api/townships/${tid}/meetings/${meeting.id}/briefings`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ title: '镇党委2026年工作情况通报', file: null, commentCount: 0 });
    expect((await delegate.post(`/api/townships/${tid}/meetings/${meeting.id}/briefings`, { title: 'x' })).status).toBe(403);
    expect((await admin.post(`/api/townships/${tid}/meetings/${meeting.id}/briefings`, { title: ' ' })).body.error.message).toContain('请填写标题');
  });

  it('attaches a Word or PDF file up to 10 MB and serves it back byte for byte', async () => {
    const doc = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('情况通报正文')] }] }));
    const url = `/api/townships/${tid}/briefings/${briefingId}/file`;
    const up = await admin.request('PUT', url, undefined, multipart('情况通报.docx', Buffer.from(doc)));
    expect(up.status).toBe(200);
    expect(up.body.file).toMatchObject({ name: '情况通报.docx', size: doc.length });
    const down = await delegate.get(url);
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toContain('wordprocessingml');
    expect(String(down.headers['content-disposition'])).toContain(encodeURIComponent('情况通报.docx'));
    expect(Buffer.compare(down.raw, Buffer.from(doc))).toBe(0);

    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 32)]);
    expect((await admin.request('PUT', url, undefined, multipart('a.pdf', pdf))).body.file.type).toBe('application/pdf');
  });

  it.each([
    ['an executable renamed .pdf', 'x.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 415, 'PDF 或 Word'],
    ['an empty file', 'x.pdf', Buffer.alloc(0), 400, '空的'],
    ['a file over 10 MB', 'big.pdf', Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024)]), 413, '10 MB'],
  ])('refuses %s and keeps the previous file', async (_l, name, data, status, message) => {
    const url = `/api/townships/${tid}/briefings/${briefingId}/file`;
    const res = await admin.request('PUT', url, undefined, multipart(name, data));
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
    expect((await admin.get(`/api/townships/${tid}/briefings/${briefingId}`)).body.file.type).toBe('application/pdf');
  });

  it('refuses an upload that is not multipart', async () => {
    const res = await admin.put(`/api/townships/${tid}/briefings/${briefingId}/file`, { data: 'x' });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toContain('multipart');
  });

  it('collects delegates’ comments for the committee, each delegate seeing their own', async () => {
    const url = `/api/townships/${tid}/briefings/${briefingId}/comments`;
    const c = await delegate.post(url, { body: '建议增加村级集体经济发展情况。' });
    expect(c.status).toBe(201);
    expect((await delegate.post(url, { body: '' })).status).toBe(400);
    expect((await admin.post(url, { body: '管理员不能以代表身份提意见' })).status).toBe(403);
    const mine = (await delegate.get(`/api/townships/${tid}/briefings/${briefingId}`)).body;
    expect(mine.myComments.map((x: any) => x.body)).toEqual(['建议增加村级集体经济发展情况。']);
    expect(mine.commentCount).toBe(1);
    const all = await (await w.as('committeeMember')).get(url);
    expect(all.body.items[0]).toMatchObject({ body: '建议增加村级集体经济发展情况。', delegate: { name: expect.stringMatching(/^代表/) } });
    expect((await delegate.get(url)).status).toBe(403);
  });

  it('edits and deletes with an audit trail, and hides briefings from other townships', async () => {
    const put = await admin.put(`/api/townships/${tid}/briefings/${briefingId}`, { title: '镇党委2026年工作情况通报（修订）', body: '修订稿' });
    expect(put.body.title).toContain('修订');
    const other = await w.as('townshipAdmin', 'b');
    expect((await other.get(`/api/townships/${w.townships.b.id}/briefings/${briefingId}`)).status).toBe(404);
    expect((await other.get(`/api/townships/${w.townships.b.id}/briefings/${briefingId}/file`)).status).toBe(404);
    const extra = (await admin.post(`/api/townships/${tid}/meetings/${meeting.id}/briefings`, { title: '临时通报' })).body.id;
    expect((await admin.delete(`/api/townships/${tid}/briefings/${extra}`)).body.deleted).toBe(true);
    expect((await admin.get(`/api/townships/${tid}/briefings/${extra}`)).status).toBe(404);
  });
});
