import { chineseDate, type MeetingDeadline } from '../../../domain/meeting/deadlines.js';
import { describePeriod, parseMeetingRules } from '../../../domain/meeting/rules.js';
import type { Executor } from '../../db/client.js';
import { conflict, notFound } from '../../errors.js';
import { deadlinesFor, requireMeeting } from '../meetings/lookup.js';
import type { MeetingRow } from '../meetings/index.js';
import * as repo from './repository.js';

/** Proposing, co-signing and submitting end on the topic deadline (the day itself still counts). */
export async function assertTopicDeadline(db: Executor, meeting: MeetingRow): Promise<MeetingDeadline> {
  const { topic } = await deadlinesFor(db, meeting);
  if (topic.passed) {
    const rules = parseMeetingRules(meeting.rules);
    const note = topic.provisional ? '；该年节假日安排尚未录入，截止日期按周末推算' : '';
    throw conflict(`议题提出截止日期为${chineseDate(topic.date)}（会前${describePeriod(rules.topicDeadline)}），已截止${note}`);
  }
  return topic;
}

/** A topic of this township with its meeting, locked for a change when `lock`. */
export async function topicAndMeeting(db: Executor, townshipId: string, topicId: string, lock = false) {
  const topic = lock ? await repo.lockTopic(db, townshipId, topicId) : (await repo.findTopicWithNames(db, townshipId, topicId))?.topic;
  if (!topic) throw notFound('议题');
  const meeting = await requireMeeting(db, townshipId, topic.meetingId);
  return { topic, meeting };
}
