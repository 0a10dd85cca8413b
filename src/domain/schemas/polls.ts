import { z } from 'zod';
import { Text } from './text.js';
import { TownshipParams, Uuid } from './common.js';
import { CHOICE_IDS, POLL_METHOD_IDS } from '../meeting/poll.js';

/** Request shapes of check-in, polls, ballots and the hall screen (server and web share them). */

export const MeetingScopeParams = TownshipParams.extend({ meetingId: Uuid });
export const CheckInParams = MeetingScopeParams.extend({ delegateId: Uuid });
export const PollParams = TownshipParams.extend({ pollId: Uuid });
export const MeMeetingParams = z.object({ meetingId: Uuid });
export const MePollParams = z.object({ pollId: Uuid });
export const ScreenParams = z.object({ meetingId: Uuid });
export const ScreenQuery = z.object({ token: Text('缺少大屏访问令牌').min(1, '缺少大屏访问令牌').max(200, '大屏访问令牌无效') });

/** A scanned QR token, or a delegate picked by hand — exactly one of them. */
export const CheckInBody = z
  .object({
    token: Text('签到码格式不正确').trim().min(1, '签到码不能为空').max(200, '签到码无效').optional(),
    delegateId: Uuid.optional(),
  })
  .refine((b) => (b.token === undefined) !== (b.delegateId === undefined), '请扫描签到码或选择代表（二者选一）');

export const PollMethod = z.enum(POLL_METHOD_IDS as [string, ...string[]], '表决方式应为举手表决、记名电子表决或无记名电子投票');
export const Choice = z.enum(CHOICE_IDS as [string, ...string[]], '请选择赞成、反对或弃权');

export const PollBody = z.object({
  title: Text('请填写表决事项').trim().min(1, '请填写表决事项').max(200, '表决事项不能超过 200 个字'),
  method: PollMethod,
  agendaItemId: Uuid.nullable().optional(),
});

const count = (label: string) =>
  z.number(`${label}票数须为数字`).int(`${label}票数须为整数`).min(0, `${label}票数不能为负数`).max(100000, `${label}票数过大`);

export const TallyBody = z.object({ yes: count('赞成'), no: count('反对'), abstain: count('弃权') });

export const VoteBody = z.object({ choice: Choice });
