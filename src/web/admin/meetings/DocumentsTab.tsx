import { useState } from 'react';
import { App, Button, Card, DatePicker, List, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { download, qs } from '../../shared/api.js';
import type { TabProps } from './types.js';
import { mBase, tBase, useMeetingPart } from './queries.js';
import type { ImplementationReport as Report, Resolution } from './resolutions/types.js';

/** 文书: the meeting's official documents as .docx (GB/T 9704 layout), ready to edit in WPS or Word. */
export function DocumentsTab({ tid, meeting: m }: TabProps) {
  const { message } = App.useApp();
  const [issuedOn, setIssuedOn] = useState<Dayjs>(() => dayjs(chinaToday()));
  const [replyBy, setReplyBy] = useState<Dayjs | null>(null);
  const resolutions = useMeetingPart<{ items: Resolution[] }>(tid, m.id, 'resolutions', '/resolutions');
  const report = useMeetingPart<Report>(tid, m.id, 'implementation-report', '/implementation-report');
  const get = (url: string, name: string) => download(url, name).catch((e: Error) => message.error(e.message));
  const date = issuedOn.format('YYYY-MM-DD');

  const docs = [
    {
      key: 'notice',
      title: '会议通知',
      desc: '发各党代表，附参会回执截止日期',
      url: `${mBase(tid, m.id)}/documents/notice.docx${qs({ issuedOn: date, replyBy: replyBy?.format('YYYY-MM-DD') })}`,
      file: `${m.name}通知.docx`,
    },
    { key: 'agenda', title: '会议议程', desc: '按“议程”中的顺序排列', url: `${mBase(tid, m.id)}/documents/agenda.docx`, file: `${m.name}议程.docx` },
    {
      key: 'summary',
      title: '会议召开情况的报告',
      desc: '报县委组织部：到会、表决、决议等情况',
      url: `${mBase(tid, m.id)}/documents/summary.docx${qs({ issuedOn: date })}`,
      file: `${m.name}召开情况的报告.docx`,
    },
  ];
  const adopted = (resolutions.data?.items ?? []).filter((r) => r.status === 'adopted' || r.status === 'superseded');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="会议文书"
        extra={
          <Space>
            <span>成文日期</span>
            <DatePicker value={issuedOn} onChange={(d) => d && setIssuedOn(d)} allowClear={false} />
            <span>回执截止</span>
            <DatePicker value={replyBy} onChange={setReplyBy} placeholder="可不填" />
          </Space>
        }
      >
        <List
          dataSource={docs}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button key="d" icon={<FileWordOutlined />} onClick={() => get(d.url, d.file)}>
                  下载 .docx
                </Button>,
              ]}
            >
              <List.Item.Meta title={d.title} description={d.desc} />
            </List.Item>
          )}
        />
      </Card>
      <Card title="决议文本">
        <List
          loading={resolutions.isPending}
          dataSource={adopted}
          locale={{ emptyText: '尚无通过的决议' }}
          renderItem={(r) => (
            <List.Item
              actions={[
                <Button key="d" icon={<FileWordOutlined />} onClick={() => get(`${tBase(tid)}/resolutions/${r.id}/document.docx`, `${r.title}.docx`)}>
                  下载 .docx
                </Button>,
              ]}
            >
              <List.Item.Meta title={`第${r.number}号　${r.title}`} description={r.statusLabel} />
            </List.Item>
          )}
        />
      </Card>
      <Card title="往次会议决议执行情况（向本次会议报告）" loading={report.isPending}>
        {report.data && report.data.previousMeetings.length === 0 && <Typography.Text type="secondary">本届没有更早的会议。</Typography.Text>}
        {report.data && report.data.previousMeetings.length > 0 && (
          <>
            <Space size="large" style={{ marginBottom: 16 }}>
              <Statistic title="决议" value={report.data.summary.resolutions} suffix="项" />
              <Statistic title="落实事项" value={report.data.summary.items.total} suffix="项" />
              <Statistic title="已完成" value={report.data.summary.items.done} suffix="项" />
              <Statistic title="逾期" value={report.data.summary.items.overdue} suffix="项" />
            </Space>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={report.data.resolutions}
              columns={[
                { title: '会议', key: 'm', render: (_: unknown, r) => r.meeting.name },
                { title: '决议', key: 't', render: (_: unknown, r) => `第${r.number}号 ${r.title}` },
                {
                  title: '落实进度',
                  key: 'p',
                  width: 220,
                  render: (_: unknown, r) => (
                    <Space>
                      <Progress percent={r.implementation.averageProgress} size="small" style={{ width: 120 }} status={r.implementation.overdue ? 'exception' : undefined} />
                      {r.implementation.overdue > 0 && <Tag color="red">逾期 {r.implementation.overdue}</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          </>
        )}
      </Card>
    </Space>
  );
}
