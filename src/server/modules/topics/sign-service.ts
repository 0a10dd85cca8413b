import { checkCosign, checkDecision, checkSubmit, checkWithdraw, TOPIC_STATUSES, type TopicProposerKind, type TopicStatus } from '../../../domain/meeting/topic.js';
import { parseMeetingRules } from '../../../domain/meeting/rules.js';
import type { AppContext } from '../../context.js';
import { conflict, forbidden, invalid } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { assertActivity, delegateOf } from '../meetings/policy.js';
import { notifyDelegates } from '../notices/notify.js';
import { assertTopicDeadline, topicAndMeeting } from './guards.js';
import * as repo from './repository.js';
import { loadTopicView } from './service.js';

const refuse = (msg: string | null) => {
  if (msg) throw conflict(msg);
};

/** 联名: an active delegate of the term adds their signature online before the deadline. */
export async function cosign(ctx: AppContext, s: TownshipScope, topicId: string) {
  const me = delegateOf(s.user);
  await ctx.database.db.transaction(async (tx) => {
    const { topic, meeting } = await topicAndMeeting(tx, s.township.id, topicId, true);
    assertActivity(meeting.status, 'proposeTopic');
    refuse(checkCosign(topic.status as TopicStatus, topic.proposerKind as TopicProposerKind));
    await assertTopicDeadline(tx, meeting);
    if ((await repo.activeDelegatesAmong(tx, s.township.id, meeting.termId, [me.delegateId])).length === 0) throw forbidden('只有本届正常履职的代表可以联名');
    if (await repo.hasSigned(tx, s.township.id, topicId, me.delegateId)) throw conflict('您已联名该议题');
    await repo.addSignatures(tx, s.township.id, topicId, [me.delegateId], 'online');
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'topic.cosign', entity: 'topic', entityId: topicId, after: { delegateId: me.delegateId } });
  });
  return loadTopicView(ctx.database.db, s, topicId);
}

/** 撤回联名: possible while the topic still collects signatures; the initiator withdraws the topic instead. */
export async function withdrawCosign(ctx: AppContext, s: TownshipScope, topicId: string) {
  const me = delegateOf(s.user);
  await ctx.database.db.transaction(async (tx) => {
    const { topic } = await topicAndMeeting(tx, s.township.id, topicId, true);
    refuse(checkCosign(topic.status as TopicStatus, topic.proposerKind as TopicProposerKind));
    if (topic.initiatorDelegateId === me.delegateId) throw conflict('发起人不能撤回联名；如不再提出，请撤回议题');
    if ((await repo.removeSignature(tx, s.township.id, topicId, me.delegateId)) === 0) throw conflict('您尚未联名该议题');
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'topic.uncosign', entity: 'topic', entityId: topicId, before: { delegateId: me.delegateId } });
  });
  return loadTopicView(ctx.database.db, s, topicId);
}

/** 提交: the initiator hands a joint topic with enough signatures to the committee. */
export async function submitTopic(ctx: AppContext, s: TownshipScope, topicId: string) {
  const me = delegateOf(s.user);
  await ctx.database.db.transaction(async (tx) => {
    const { topic, meeting } = await topicAndMeeting(tx, s.township.id, topicId, true);
    if (topic.initiatorDelegateId !== me.delegateId) throw forbidden('只有发起人可以提交议题');
    assertActivity(meeting.status, 'proposeTopic');
    await assertTopicDeadline(tx, meeting);
    const signatures = await repo.countSignatures(tx, s.township.id, topicId);
    refuse(checkSubmit(topic.status as TopicStatus, signatures, parseMeetingRules(meeting.rules).topicCosignMinimum));
    const after = await repo.updateTopic(tx, s.township.id, topicId, { status: 'submitted', submittedAt: new Date() });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'topic.submit', entity: 'topic', entityId: topicId, before: { status: topic.status }, after: { status: after.status, signatures } });
  });
  return loadTopicView(ctx.database.db, s, topicId);
}

/** 撤回议题: by its initiator (or, for the committee's own, its staff) before the decision. */
export async function withdrawTopic(ctx: AppContext, s: TownshipScope, topicId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const { topic } = await topicAndMeeting(tx, s.township.id, topicId, true);
    const mine = topic.proposerKind === 'committee' ? s.user.role === 'townshipAdmin' : !!s.user.delegateId && topic.initiatorDelegateId === s.user.delegateId;
    if (!mine) throw forbidden('只有议题的提出人可以撤回议题');
    refuse(checkWithdraw(topic.status as TopicStatus));
    const after = await repo.updateTopic(tx, s.township.id, topicId, { status: 'withdrawn' });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'topic.withdraw', entity: 'topic', entityId: topicId, before: { status: topic.status }, after: { status: after.status } });
  });
  return loadTopicView(ctx.database.db, s, topicId);
}

/** 党委决定: accept or reject a submitted topic; a rejection carries its reason to the proposers. */
export async function decideTopic(ctx: AppContext, s: TownshipScope, topicId: string, body: { accepted: boolean; reason?: string | null }) {
  await ctx.database.db.transaction(async (tx) => {
    const { topic, meeting } = await topicAndMeeting(tx, s.township.id, topicId, true);
    assertActivity(meeting.status, 'decideTopic');
    const msg = checkDecision(topic.status as TopicStatus, body.accepted, body.reason);
    if (msg === '不予采纳时须写明理由') throw invalid(msg);
    refuse(msg);
    const status: TopicStatus = body.accepted ? 'accepted' : 'rejected';
    const after = await repo.updateTopic(tx, s.township.id, topicId, { status, decisionReason: body.reason?.trim() || null, decidedAt: new Date(), decidedBy: s.user.id });
    const signers = await repo.cosignersOf(tx, s.township.id, [topicId]);
    const recipients = [...new Set([topic.initiatorDelegateId, ...signers.map((c) => c.delegateId)].filter((id): id is string => !!id))];
    await notifyDelegates(
      tx,
      recipients.map((id) => ({ id, phoneEnc: null })),
      {
        townshipId: s.township.id,
        kind: 'topicDecision',
        title: `议题“${topic.title}”${TOPIC_STATUSES[status]}`,
        body: `乡镇党委对议题“${topic.title}”的决定：${TOPIC_STATUSES[status]}${after.decisionReason ? `。理由：${after.decisionReason}` : ''}`,
        link: `/m/meetings/${topic.meetingId}`,
      },
    );
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'topic.decide',
      entity: 'topic',
      entityId: topicId,
      before: { status: topic.status },
      after: { status, reason: after.decisionReason },
    });
  });
  return loadTopicView(ctx.database.db, s, topicId);
}
