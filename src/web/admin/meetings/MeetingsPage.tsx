import { meetingDuration } from '../../../domain/meeting/duration.js';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Card, Empty, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../shared/api.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { DeadlineText, MeetingStatusTag } from './labels.js';
import { MeetingFormModal } from './MeetingFormModal.js';
import { meetingKeys, tBase } from './queries.js';
import type { Meeting } from './types.js';

/** 年会: the township's meetings, newest first, and 新建会议. */
export function MeetingsPage() {
  const { tid, canManage } = useTownship();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: meetingKeys.list(tid), queryFn: () => api.get<{ items: Meeting[] }>(`${tBase(tid)}/meetings`).then((r) => r.items) });

  return (
    <>
      <PageHeader
        title="年会"
        sub="党代表大会年会：筹备、通知、签到、表决、决议"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建会议
            </Button>
          )
        }
      />
      {list.error && <QueryError error={list.error} retry={() => list.refetch()} />}
      <Card>
        <Table<Meeting>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data}
          pagination={false}
          locale={{ emptyText: <Empty description={canManage ? '还没有会议。点击“新建会议”开始筹备本年度年会。' : '本乡镇还没有会议，由乡镇党委组织委员新建。'} /> }}
          columns={[
            {
              title: '会议名称',
              dataIndex: 'name',
              render: (name: string, m) => <Link to={`/t/${tid}/meetings/${m.id}`}>{name}</Link>,
            },
            { title: '日期', dataIndex: 'startsOn', render: (d: string, m) => `${d}${m.startTime ? ' ' + m.startTime : ''}` },
            { title: '会期', dataIndex: 'durationDays', render: meetingDuration },
            { title: '地点', dataIndex: 'place', render: (p: string | null) => p ?? '—' },
            { title: '状态', dataIndex: 'status', render: (_: unknown, m) => <MeetingStatusTag status={m.status} label={m.statusLabel} /> },
            {
              title: '通知截止',
              key: 'notice',
              render: (_: unknown, m) => <DeadlineText d={m.deadlines.notice} done={!!m.notifiedAt} />,
            },
          ]}
        />
      </Card>
      <MeetingFormModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
