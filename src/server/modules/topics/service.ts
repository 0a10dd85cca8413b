import { checkProposerAllowed, initialTopicStatus, type TopicProposerKind } from '../../../domain/meeting/topic.js';
import { parseMeetingRules } from '../../../domain/meeting/rules.js';
import type { TopicBodyT } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { deadlinesFor, lockMeetingOr404, requireMeeting } from '../meetings/lookup.js';
import { assertActivity, delegateOf } from '../meetings/policy.js';
import type { MeetingRow } from '../meetings/index.js';
import { notifyDelegates } from '../notices/notify.js';
import { assertTopicDeadline } from './guards.js';
import { presentTopic } from './presenter.js';
import * as repo from './repository.js';

export async function listTopics(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const rules = parseMeetingRules(m.rules);
  const { topic: deadline } = await deadlinesFor(db, m);
  const rows = await repo.listTopics(db, s.township.id, meetingId);
  const signers = await repo.cosignersOf(db, s.township.id, rows.map((r) => r.topic.id));
  const viewer = s.user.delegateId;
  return {
    deadline,
    rules: { topicProposers: rules.topicProposers, topicCosignMinimum: rules.topicCosignMinimum },
    items: rows.map((r) => presentTopic(r, signers.filter((c) => c.topicId === r.topic.id), rules.topicCosignMinimum, deadline, viewer)),
  };
}

/** One topic as its reader sees it (used after every change too). */
export async function loadTopicView(db: Executor, s: TownshipScope, topicId: string) {
  const row = await repo.findTopicWithNames(db, s.township.id, topicId);
  if (!row) throw notFound('议题');
  const m = await requireMeeting(db, s.township.id, row.topic.meetingId);
  const { topic: deadline } = await deadlinesFor(db, m);
  const signers = await repo.cosignersOf(db, s.township.id, [topicId]);
  return presentTopic(row, signers, parseMeetingRules(m.rules).topicCosignMinimum, deadline, s.user.delegateId);
}

export const getTopic = (ctx: AppContext, s: TownshipScope, topicId: string) => loadTopicView(ctx.database.db, s, topicId);

interface Proposer {
  initiatorDelegateId: string | null;
  groupId: string | null;
  signers: string[];
  method: 'online' | 'paper';
  invited: string[];
}

/** Who is proposing, and may they: the committee via its staff, a group via its leader, delegates jointly. */
async function resolveProposer(tx: Executor, s: TownshipScope, m: MeetingRow, body: TopicBodyT): Promise<Proposer> {
  const kind: TopicProposerKind = body.proposerKind;
  const isAdmin = s.user.role === 'townshipAdmin';
  if (kind === 'committee') {
    if (!isAdmin) throw forbidden('乡镇党委的议题由乡镇管理员录入');
    return { initiatorDelegateId: null, groupId: null, signers: [], method: 'online', invited: [] };
  }
  if (kind === 'group') {
    const me = delegateOf(s.user);
    if (!body.groupId) throw invalid('请选择提出议题的代表小组');
    const g = await repo.findGroup(tx, s.township.id, body.groupId);
    if (!g || g.termId !== m.termId) throw invalid('代表小组不存在或不属于本届');
    if (g.leaderId !== me.delegateId) throw forbidden('只有代表小组组长可以代表小组提出议题');
    return { initiatorDelegateId: me.delegateId, groupId: g.id, signers: [], method: 'online', invited: [] };
  }
  const ids = [...new Set(body.proposerDelegateIds)];
  const found = await repo.activeDelegatesAmong(tx, s.township.id, m.termId, ids);
  if (found.length !== ids.length) throw invalid('联名代表中有人不是本届正常履职的代表');
  if (isAdmin) {
    // Signatures collected on paper, entered by the committee's staff.
    const min = parseMeetingRules(m.rules).topicCosignMinimum;
    if (ids.length < min) throw conflict(`代表联名提出的议题须有不少于 ${min} 名代表联名，目前 ${ids.length} 人`);
    return { initiatorDelegateId: null, groupId: null, signers: ids, method: 'paper', invited: [] };
  }
  const me = delegateOf(s.user);
  if ((await repo.activeDelegatesAmong(tx, s.township.id, m.termId, [me.delegateId])).length === 0) throw forbidden('只有本届正常履职的代表可以发起联名');
  return { initiatorDelegateId: me.delegateId, groupId: null, signers: [me.delegateId], method: 'online', invited: ids.filter((id) => id !== me.delegateId) };
}

/** 提出议题. A joint topic starts collecting signatures with the initiator's own. */
export async function proposeTopic(ctx: AppContext, s: TownshipScope, meetingId: string, body: TopicBodyT) {
  const id = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'proposeTopic');
    const rules = parseMeetingRules(m.rules);
    const notAllowed = checkProposerAllowed(rules, body.proposerKind);
    if (notAllowed) throw conflict(notAllowed);
    await assertTopicDeadline(tx, m);
    const p = await resolveProposer(tx, s, m, body);
    const status = initialTopicStatus(body.proposerKind, p.signers.length, rules.topicCosignMinimum);
    const t = await repo.insertTopic(tx, {
      townshipId: s.township.id,
      meetingId,
      title: body.title,
      content: body.content,
      proposerKind: body.proposerKind,
      groupId: p.groupId,
      initiatorDelegateId: p.initiatorDelegateId,
      status,
      submittedAt: status === 'submitted' ? new Date() : null,
      createdBy: s.user.id,
    });
    await repo.addSignatures(tx, s.township.id, t.id, p.signers, p.method);
    await notifyDelegates(
      tx,
      p.invited.map((id) => ({ id, phoneEnc: null })),
      { townshipId: s.township.id, kind: 'topicCosignInvite', title: '邀请您联名提出议题', body: `代表邀请您联名提出议题“${t.title}”（${m.name}）。`, link: `/m/meetings/${m.id}` },
    );
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'topic.create', entity: 'topic', entityId: t.id, after: { ...t, signers: p.signers, method: p.method } });
    return t.id;
  });
  return loadTopicView(ctx.database.db, s, id);
}
