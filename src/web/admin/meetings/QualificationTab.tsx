import { Empty } from 'antd';
import type { TabProps } from './MeetingWorkspace.js';

export function QualificationTab(_: TabProps) {
  return <Empty description="建设中" />;
}
