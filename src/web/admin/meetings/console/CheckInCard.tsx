import { useMemo, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Segmented, Table, Tag, Typography, type InputRef } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { checkInRefusalText } from './console-rules.js';
import { api } from '../../../shared/api.js';
import { mBase, meetingKeys } from '../queries.js';
import type { Wire } from '../../../../domain/schemas/responses.js';
import type { AttendanceView } from '../../../../domain/schemas/meeting-views.js';
import type { AttendanceSummary, MeetingDetail } from '../types.js';

export type AttendanceAnswer = Wire<typeof AttendanceView>;
export type AttendanceRow = AttendanceAnswer['rows'][number];

const STATUS = {
  present: <Tag color="green">已签到</Tag>,
  onLeave: <Tag color="orange">请假</Tag>,
  absent: <Tag>未签到</Tag>,
};

interface CheckInResult {
  name: string;
  alreadyCheckedIn: boolean;
  /** The scanned phone is now the one that votes (a first scan, or confirming a check-in by hand). */
  phoneConfirmed: boolean;
}

/**
 * 签到: a USB scanner types the QR code's text into the focused field and presses Enter; the
 * same field takes a code typed or pasted by hand. Below, the list to check in by name.
 */
export function CheckInCard({ tid, meeting: m, data, canManage }: { tid: string; meeting: MeetingDetail; data: AttendanceAnswer | undefined; canManage: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<'all' | 'absent' | 'present' | 'onLeave'>('all');
  const input = useRef<InputRef>(null);
  const refusal = checkInRefusalText(m);

  const apply = (summary: AttendanceSummary) => {
    qc.setQueryData(meetingKeys.part(tid, m.id, 'attendance'), (old: AttendanceAnswer | undefined) => (old ? { ...old, ...summary } : old));
    void qc.invalidateQueries({ queryKey: meetingKeys.part(tid, m.id, 'attendance') });
  };
  const checkIn = useMutation({
    mutationFn: (body: { token: string } | { delegateId: string }) => api.post<CheckInResult & { attendance: AttendanceSummary }>(`${mBase(tid, m.id)}/checkins`, body),
    onSuccess: (r) => {
      apply(r.attendance);
      setLast({ ok: true, text: r.alreadyCheckedIn ? (r.phoneConfirmed ? `${r.name} 已确认签到手机，可以投票` : `${r.name} 已签到过，无需重复签到`) : `${r.name} 签到成功` });
    },
    onError: (e) => setLast({ ok: false, text: e.message }),
    onSettled: () => input.current?.focus(),
  });
  const undo = useMutation({
    mutationFn: (delegateId: string) => api.delete<{ attendance: AttendanceSummary }>(`${mBase(tid, m.id)}/checkins/${delegateId}`),
    onSuccess: (r) => {
      apply(r.attendance);
      message.success('已撤销签到');
    },
    onError: (e) => message.error(e.message),
  });

  const submitCode = () => {
    const token = code.trim();
    if (!token) return;
    setCode('');
    checkIn.mutate({ token });
  };

  const rows = useMemo(
    () => (data?.rows ?? []).filter((r) => (filter === 'all' || r.status === filter) && (!search.trim() || r.name.includes(search.trim()))),
    [data, filter, search],
  );

  return (
    <Card title="签到" size="small">
      {refusal ? (
        <Alert type="info" showIcon title={refusal} style={{ marginBottom: 12 }} />
      ) : (
        canManage && (
          <>
            <Input
              ref={input}
              autoFocus
              size="large"
              prefix={<ScanOutlined />}
              placeholder="扫码枪扫描代表的签到码（或输入签到码后按回车）"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={submitCode}
              aria-label="签到码"
              data-testid="checkin-code"
              suffix={
                <Button type="primary" size="small" onClick={submitCode} loading={checkIn.isPending}>
                  签到
                </Button>
              }
            />
            {last && <Alert style={{ marginTop: 8 }} type={last.ok ? 'success' : 'error'} showIcon title={last.text} data-testid="checkin-result" />}
          </>
        )
      )}
      <div style={{ display: 'flex', gap: 8, margin: '12px 0', flexWrap: 'wrap' }}>
        <Input.Search allowClear placeholder="按姓名查找，手工签到" style={{ flex: 1, minWidth: 160 }} onChange={(e) => setSearch(e.target.value)} aria-label="查找代表" />
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'absent', label: '未签到' },
            { value: 'present', label: '已签到' },
            { value: 'onLeave', label: '请假' },
          ]}
        />
      </div>
      <Table<AttendanceRow>
        rowKey="delegateId"
        size="small"
        loading={!data}
        dataSource={rows}
        pagination={{ pageSize: 12, showSizeChanger: false, size: 'small' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: AttendanceRow['status'], r) => (
              <span title={r.leaveReason ?? undefined}>
                {STATUS[s]}
                {r.checkInMethod === 'qr' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>扫码</Typography.Text>}
              </span>
            ),
          },
          {
            title: '签到时间',
            dataIndex: 'checkedInAt',
            render: (t: string | null) => (t ? new Date(t).toLocaleTimeString('zh-CN', { hour12: false }) : ''),
          },
          ...(canManage && !refusal
            ? [
                {
                  title: '',
                  key: 'ops',
                  align: 'right' as const,
                  render: (_: unknown, r: AttendanceRow) =>
                    r.checkedInAt ? (
                      <Popconfirm title={`撤销${r.name}的签到？`} onConfirm={() => undo.mutate(r.delegateId)}>
                        <Button size="small" type="link" danger>
                          撤销
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" onClick={() => checkIn.mutate({ delegateId: r.delegateId })} aria-label={`为${r.name}签到`}>
                        签到
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
