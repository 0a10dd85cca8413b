import { Tag, Tooltip } from 'antd';
import { meetingDuration } from '../../../domain/meeting/duration.js';
import type { MeetingStatus } from '../../../domain/meeting/state.js';
import type { Deadline } from './types.js';

export const STATUS_COLORS: Record<MeetingStatus, string> = {
  draft: 'default',
  notified: 'blue',
  inProgress: 'red',
  closed: 'green',
};

export function MeetingStatusTag({ status, label }: { status: MeetingStatus; label: string }) {
  return <Tag color={STATUS_COLORS[status]}>{label}</Tag>;
}

const unitLabel = (u: Deadline['unit']) => (u === 'workdays' ? '个工作日' : '天');

/** 2026-05-08 · 还有 3 个工作日 (暂定): a deadline as the administrator needs to read it. */
export function DeadlineText({ d, done, closed }: { d: Deadline; done?: boolean; closed?: string }) {
  let rest;
  if (done) rest = <Tag color="green">已完成</Tag>;
  else if (closed) rest = <Tag>{closed}</Tag>;
  else if (d.passed) rest = <Tag color="error">已过期</Tag>;
  else if (d.daysLeft === 0) rest = <Tag color="warning">今天截止</Tag>;
  else rest = <Tag color={d.daysLeft <= 3 ? 'warning' : 'default'}>还有 {d.daysLeft} {unitLabel(d.unit)}</Tag>;
  return (
    <span>
      {d.date} {rest}
      {d.provisional && (
        <Tooltip title="该年度的节假日安排尚未录入，期限暂按周末推算，公布安排后会自动更正">
          <Tag color="orange">暂定</Tag>
        </Tooltip>
      )}
    </span>
  );
}


export const DURATION_OPTIONS = [0.5, 1, 1.5, 2].map((v) => ({ value: v, label: meetingDuration(v) }));
