import type { AppContext } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { lockMeetingOr404, requireMeeting } from './lookup.js';
import { assertActivity, delegateOf } from './policy.js';
import * as repo from './briefing-repository.js';

export const MAX_BRIEFING_FILE = 10 * 1024 * 1024;

type Meta = NonNullable<Awaited<ReturnType<typeof repo.findBriefing>>>;

const present = (b: Meta) => ({
  id: b.id,
  meetingId: b.meetingId,
  title: b.title,
  body: b.body,
  file: b.fileName ? { name: b.fileName, type: b.fileType, size: b.fileSize } : null,
  commentCount: b.commentCount,
  createdAt: b.createdAt,
  updatedAt: b.updatedAt,
});

async function requireBriefing(ctx: AppContext, s: TownshipScope, id: string) {
  const b = await repo.findBriefing(ctx.database.db, s.township.id, id);
  if (!b) throw notFound('情况通报');
  return b;
}

export async function listBriefings(ctx: AppContext, s: TownshipScope, meetingId: string) {
  await requireMeeting(ctx.database.db, s.township.id, meetingId);
  return { items: (await repo.listBriefings(ctx.database.db, s.township.id, meetingId)).map(present) };
}

/** A briefing to read; a delegate also sees the opinions they left on it. */
export async function getBriefing(ctx: AppContext, s: TownshipScope, id: string) {
  const b = await requireBriefing(ctx, s, id);
  const mine = s.user.delegateId ? await repo.listComments(ctx.database.db, s.township.id, id, s.user.delegateId) : [];
  return { ...present(b), myComments: mine.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt })) };
}

export async function createBriefing(ctx: AppContext, s: TownshipScope, meetingId: string, body: { title: string; body: string }) {
  const id = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'editBriefings');
    const id = await repo.insertBriefing(tx, { townshipId: s.township.id, meetingId, title: body.title, body: body.body, createdBy: s.user.id });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'briefing.create', entity: 'briefing', entityId: id, after: { meetingId, ...body } });
    return id;
  });
  return present((await repo.findBriefing(ctx.database.db, s.township.id, id))!);
}

export async function updateBriefing(ctx: AppContext, s: TownshipScope, id: string, body: { title: string; body: string }) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.findBriefing(tx, s.township.id, id);
    if (!before) throw notFound('情况通报');
    assertActivity((await lockMeetingOr404(tx, s.township.id, before.meetingId)).status, 'editBriefings');
    await repo.updateBriefing(tx, s.township.id, id, body);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'briefing.update', entity: 'briefing', entityId: id, before: { title: before.title, body: before.body }, after: body });
  });
  return present((await repo.findBriefing(ctx.database.db, s.township.id, id))!);
}

export async function deleteBriefing(ctx: AppContext, s: TownshipScope, id: string) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.findBriefing(tx, s.township.id, id);
    if (!before) throw notFound('情况通报');
    assertActivity((await lockMeetingOr404(tx, s.township.id, before.meetingId)).status, 'editBriefings');
    await repo.deleteBriefing(tx, s.township.id, id);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'briefing.delete', entity: 'briefing', entityId: id, before: present(before) });
  });
  return { id, deleted: true };
}

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** PDF or DOCX by their first bytes, not by what the browser claims. */
export function sniffDocument(name: string, data: Buffer): string | null {
  if (data.subarray(0, PDF.length).equals(PDF)) return 'application/pdf';
  if (data.subarray(0, ZIP.length).equals(ZIP) && /\.docx$/i.test(name) && data.includes(Buffer.from('word/'))) return DOCX_TYPE;
  return null;
}

export async function attachFile(ctx: AppContext, s: TownshipScope, id: string, file: { name: string; data: Buffer }) {
  if (file.data.length === 0) throw invalid('上传的文件是空的');
  if (file.data.length > MAX_BRIEFING_FILE) throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB');
  const type = sniffDocument(file.name, file.data);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA', '只能上传 PDF 或 Word（.docx）文件');
  const name = file.name.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(-120);
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.findBriefing(tx, s.township.id, id);
    if (!before) throw notFound('情况通报');
    assertActivity((await lockMeetingOr404(tx, s.township.id, before.meetingId)).status, 'editBriefings');
    await repo.updateBriefing(tx, s.township.id, id, { fileName: name, fileType: type, fileSize: file.data.length, fileData: file.data });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'briefing.attach',
      entity: 'briefing',
      entityId: id,
      before: before.fileName ? { name: before.fileName, size: before.fileSize } : null,
      after: { name, type, size: file.data.length },
    });
  });
  return present((await repo.findBriefing(ctx.database.db, s.township.id, id))!);
}

export async function readFile(ctx: AppContext, s: TownshipScope, id: string) {
  const f = await repo.findFile(ctx.database.db, s.township.id, id);
  if (!f) throw notFound('情况通报');
  if (!f.data || !f.name) throw notFound('附件');
  return { name: f.name, type: f.type ?? 'application/octet-stream', data: f.data };
}

/** A delegate's opinion on a briefing, collected before the meeting. */
export async function addComment(ctx: AppContext, s: TownshipScope, id: string, body: string) {
  const me = delegateOf(s.user);
  return ctx.database.db.transaction(async (tx) => {
    const b = await repo.findBriefing(tx, s.township.id, id);
    if (!b) throw notFound('情况通报');
    assertActivity((await requireMeeting(tx, s.township.id, b.meetingId)).status, 'comment');
    const c = await repo.insertComment(tx, { townshipId: s.township.id, briefingId: id, delegateId: me.delegateId, userId: s.user.id, body });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'briefing.comment', entity: 'briefing', entityId: id, after: { commentId: c.id, body } });
    return { id: c.id, briefingId: id, body: c.body, createdAt: c.createdAt };
  });
}

export async function listComments(ctx: AppContext, s: TownshipScope, id: string) {
  await requireBriefing(ctx, s, id);
  const rows = await repo.listComments(ctx.database.db, s.township.id, id);
  return { items: rows.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, delegate: c.delegateId ? { id: c.delegateId, name: c.delegateName } : null })) };
}
