import type { AttendanceReply } from '../../../domain/schemas/notices.js';
import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type SessionUser } from '../../access/types.js';
import { MEETING_STATUSES, type MeetingStatus } from '../../../domain/meeting/state.js';
import { lockMeetingOr404 } from '../meetings/lookup.js';
import { assertActivity, delegateOf } from '../meetings/policy.js';
import * as repo from './repository.js';

export async function myMeetings(ctx: AppContext, user: SessionUser) {
  const me = delegateOf(user);
  const rows = await repo.meetingsOfDelegate(ctx.database.db, me.townshipId, me.delegateId);
  return {
    items: rows.map(({ meeting: m, attendance: a }) => ({
      meeting: {
        id: m.id,
        name: m.name,
        startsOn: m.startsOn,
        startTime: m.startTime,
        place: m.place,
        durationDays: Number(m.durationDays),
        hasElection: m.hasElection,
        status: m.status as MeetingStatus,
        statusLabel: MEETING_STATUSES[m.status as MeetingStatus] ?? m.status,
      },
      reply: a.reply as AttendanceReply,
      leaveReason: a.leaveReason,
      repliedAt: a.repliedAt,
      notifiedAt: a.notifiedAt,
      checkedInAt: a.checkedInAt,
    })),
  };
}

/** 确认参会 / 请假: a delegate due at the meeting answers the notice; a later answer replaces it. */
export async function replyToNotice(ctx: AppContext, user: SessionUser, meetingId: string, body: { reply: 'confirmed' | 'leave'; leaveReason?: string | null }) {
  const me = delegateOf(user);
  return ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, me.townshipId, meetingId);
    const before = await repo.findAttendance(tx, me.townshipId, meetingId, me.delegateId);
    if (!before) throw notFound('您的参会通知');
    assertActivity(m.status, 'reply');
    if (before.checkedInAt && body.reply === 'leave') throw conflict('您已签到，不能再请假');
    const after = await repo.updateReply(tx, me.townshipId, meetingId, me.delegateId, {
      reply: body.reply,
      leaveReason: body.reply === 'leave' ? body.leaveReason!.trim() : null,
      repliedAt: new Date(),
    });
    await writeAudit(tx, actorOf(user), {
      townshipId: me.townshipId,
      action: 'attendance.reply',
      entity: 'meetingAttendance',
      entityId: `${meetingId}:${me.delegateId}`,
      before: { reply: before.reply, leaveReason: before.leaveReason },
      after: { reply: after.reply, leaveReason: after.leaveReason },
    });
    return { meetingId, reply: after.reply as AttendanceReply, leaveReason: after.leaveReason, repliedAt: after.repliedAt };
  });
}

export async function myNotifications(ctx: AppContext, user: SessionUser) {
  if (!user.townshipId) return { items: [], unread: 0 };
  const db = ctx.database.db;
  const items = await repo.listNotifications(db, user.townshipId, user.id, user.delegateId, 100);
  return {
    unread: await repo.unreadCount(db, user.townshipId, user.id, user.delegateId),
    items: items.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, readAt: n.readAt, createdAt: n.createdAt })),
  };
}

export async function markNotificationRead(ctx: AppContext, user: SessionUser, id: string) {
  if (!user.townshipId) throw notFound('通知');
  const n = await repo.markRead(ctx.database.db, user.townshipId, user.id, user.delegateId, id);
  if (!n) throw notFound('通知');
  return { id: n.id, readAt: n.readAt };
}
