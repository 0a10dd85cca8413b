import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { checkMeetingForDecision, DISTRIBUTION_RECIPIENTS } from '../../../domain/meeting/resolution.js';
import type { DistributionBodyT, MeetingChangeBodyT, UrgentChangeBodyT } from '../../../domain/schemas/resolutions.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { meetingChannel } from '../../realtime/events.js';
import { requireMeeting } from '../meetings/lookup.js';
import { activeDelegatesOfTerm } from '../roster/index.js';
import { notifyDelegates } from '../notices/notify.js';
import { drainSmsOutbox } from '../notices/outbox.js';
import { findCurrentTerm } from '../terms/index.js';
import { assertAction } from './policy.js';
import { presentChange, presentDistribution } from './presenter.js';
import * as repo from './repository.js';
import { resolutionDetail } from './service.js';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * 紧急变更 (DOMAIN.md §1): a resolution is not changed without the meeting, except that an
 * urgent change is notified to all delegates with its reasons. The change, the new text, one
 * notification per active delegate, their text messages and the audit entry commit together.
 */
export async function urgentChange(ctx: AppContext, s: TownshipScope, id: string, body: UrgentChangeBodyT) {
  const done = await ctx.database.db.transaction(async (tx) => {
    const r = await repo.lockResolution(tx, s.township.id, id);
    if (!r) throw notFound('决议');
    assertAction(r.status, 'change');
    if (body.after.trim() === r.body.trim()) throw invalid('变更后的正文与现行决议相同');
    const m = await requireMeeting(tx, s.township.id, r.meetingId);
    // The delegates serving now: a resolution of an earlier term is still notified to today's delegates.
    const term = await findCurrentTerm(tx, s.township.id);
    const delegates = await activeDelegatesOfTerm(tx, s.township.id, term?.id ?? m.termId);
    const now = new Date();
    const change = await repo.insertChange(tx, {
      townshipId: s.township.id,
      resolutionId: r.id,
      kind: 'urgent',
      reason: body.reason,
      beforeText: r.body,
      afterText: body.after,
      decidedOn: body.decidedOn ?? chinaToday(now),
      notifiedAt: now,
      notifiedCount: delegates.length,
      createdBy: s.user.id,
    });
    await repo.updateResolution(tx, s.township.id, r.id, { body: body.after });
    const sent = await notifyDelegates(tx, delegates, {
      townshipId: s.township.id,
      meetingId: m.id,
      kind: 'resolutionUrgentChange',
      title: `决议紧急变更：${r.title}`,
      body: `${m.name}第${r.number}号决议《${r.title}》作出紧急变更。\n变更理由：${body.reason}\n变更后的决议正文：\n${body.after}`,
      link: `/m/meetings/${m.id}`,
      sms: `【${s.township.name}党代会】第${r.number}号决议《${clip(r.title, 30)}》紧急变更，理由：${clip(body.reason, 60)}。详情请登录年会平台查看。`,
    });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'resolution.urgentChange',
      entity: 'resolution',
      entityId: r.id,
      before: { body: r.body },
      after: { body: body.after, reason: body.reason, changeId: change.id, notified: sent.notifications, sms: sent.sms },
    });
    return { change, meetingId: m.id, sent };
  });
  ctx.hub.publish({ channel: meetingChannel(done.meetingId), type: 'resolution', data: { id, changed: 'urgent' } });
  // The outbox is drained after commit; a failed send stays queued for the background sender.
  void drainSmsOutbox(ctx).catch(() => undefined);
  return { change: presentChange(done.change), notified: done.sent.notifications, sms: done.sent.sms, resolution: await resolutionDetail(ctx.database.db, s, id) };
}

/** 大会决定变更: a later meeting changed the resolution; recorded with that meeting. */
export async function meetingChange(ctx: AppContext, s: TownshipScope, id: string, body: MeetingChangeBodyT) {
  const change = await ctx.database.db.transaction(async (tx) => {
    const r = await repo.lockResolution(tx, s.township.id, id);
    if (!r) throw notFound('决议');
    assertAction(r.status, 'change');
    if (body.after.trim() === r.body.trim()) throw invalid('变更后的正文与现行决议相同');
    const deciding = await requireMeeting(tx, s.township.id, body.meetingId);
    const notYet = checkMeetingForDecision(deciding.status);
    if (notYet) throw conflict(notYet);
    const c = await repo.insertChange(tx, {
      townshipId: s.township.id,
      resolutionId: r.id,
      kind: 'byMeeting',
      reason: body.reason,
      beforeText: r.body,
      afterText: body.after,
      decidedOn: body.decidedOn,
      decidedByMeetingId: deciding.id,
      createdBy: s.user.id,
    });
    await repo.updateResolution(tx, s.township.id, r.id, { body: body.after });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'resolution.change',
      entity: 'resolution',
      entityId: r.id,
      before: { body: r.body },
      after: { body: body.after, reason: body.reason, meetingId: deciding.id, changeId: c.id },
    });
    return c;
  });
  return { change: presentChange(change), resolution: await resolutionDetail(ctx.database.db, s, id) };
}

/** 印发: records that the resolution went in writing to a recipient on a date. */
export async function addDistribution(ctx: AppContext, s: TownshipScope, id: string, body: DistributionBodyT) {
  const d = await ctx.database.db.transaction(async (tx) => {
    const r = await repo.lockResolution(tx, s.township.id, id);
    if (!r) throw notFound('决议');
    assertAction(r.status, 'distribute');
    if (body.recipient === 'other' && !body.recipientName) throw invalid('请填写印发对象名称');
    const row = await repo.insertDistribution(tx, {
      townshipId: s.township.id,
      resolutionId: r.id,
      recipient: body.recipient,
      recipientName: body.recipientName || DISTRIBUTION_RECIPIENTS[body.recipient],
      sentOn: body.sentOn,
      note: body.note ?? null,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'resolution.distribute', entity: 'resolution', entityId: r.id, after: row });
    return row;
  });
  return presentDistribution(d);
}

export async function removeDistribution(ctx: AppContext, s: TownshipScope, id: string, distributionId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const r = await repo.lockResolution(tx, s.township.id, id);
    if (!r) throw notFound('决议');
    const gone = await repo.deleteDistribution(tx, s.township.id, r.id, distributionId);
    if (!gone) throw notFound('印发记录');
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'resolution.undistribute', entity: 'resolution', entityId: r.id, before: gone });
  });
}
