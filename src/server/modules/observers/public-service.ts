import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { checkActivity, type MeetingStatus } from '../../../domain/meeting/state.js';
import { findTownship } from '../tenancy/index.js';
import { findMeetingAnyTownship } from './public-repository.js';
import * as repo from './repository.js';
import type { Actor } from '../../access/types.js';

/** A published meeting, found by id alone: the public page knows no township. */
async function publishedMeeting(ctx: AppContext, meetingId: string) {
  const m = await findMeetingAnyTownship(ctx.database.db, meetingId);
  if (!m || !m.publishedAt) throw notFound('会议公告');
  return m;
}

export async function getPublicMeeting(ctx: AppContext, meetingId: string) {
  const m = await publishedMeeting(ctx, meetingId);
  const township = await findTownship(ctx.database.db, m.townshipId);
  return {
    id: m.id,
    name: m.name,
    township: township?.name ?? '',
    startsOn: m.startsOn,
    startTime: m.startTime,
    place: m.place,
    durationDays: Number(m.durationDays),
    applicationsOpen: checkActivity(m.status as MeetingStatus, 'applyToObserve') === null,
  };
}

/** 申请列席: an ordinary party member applies; the committee decides later. */
export async function applyToObserve(ctx: AppContext, meetingId: string, body: { name: string; organisation: string; phone: string; reason: string }) {
  const m = await publishedMeeting(ctx, meetingId);
  const closed = checkActivity(m.status as MeetingStatus, 'applyToObserve');
  if (closed) throw conflict('本次会议已不再接受列席申请');
  const township = await findTownship(ctx.database.db, m.townshipId);
  const actor: Actor = { userId: null, name: `公开申请：${body.name}`, countyId: township?.countyId ?? null, townshipId: m.townshipId };
  return ctx.database.db.transaction(async (tx) => {
    const existing = await repo.listObservers(tx, m.townshipId, meetingId);
    const same = existing.some((o) => o.kind === 'publicApplicant' && o.status !== 'declined' && o.phoneEnc && ctx.cipher.decrypt(o.phoneEnc) === body.phone);
    if (same) throw conflict('该手机号已提交过本次会议的列席申请，请等待党委决定');
    const [o] = await repo.insertObservers(tx, [
      {
        townshipId: m.townshipId,
        meetingId,
        name: body.name,
        kind: 'publicApplicant',
        organisation: body.organisation,
        phoneEnc: ctx.cipher.encrypt(body.phone),
        status: 'pending',
        reason: body.reason,
      },
    ]);
    await writeAudit(tx, actor, { townshipId: m.townshipId, action: 'observer.apply', entity: 'observer', entityId: o!.id, after: { meetingId, name: body.name, organisation: body.organisation } });
    return { id: o!.id, status: 'pending' as const, message: '申请已提交，乡镇党委决定后将电话通知您' };
  });
}
