import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Select, Table, Tag } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, qs } from '../../shared/api.js';
import { useMe } from '../../shared/session.js';
import type { AuditEntry, AuditVerifyResult, Paged } from '../../shared/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { AuditDiff } from './AuditDiff.js';
import { ChainVerdict } from './ChainVerdict.js';

const ENTITIES: Record<string, string> = {
  delegate: '代表',
  delegateGroup: '代表小组',
  user: '账户',
  term: '届次',
  settings: '设置',
  county: '县',
  meeting: '会议',
  meetingAttendance: '会议出席',
  agenda: '议程',
  topic: '议题',
  briefing: '情况通报',
  observer: '列席人员',
  groupSession: '分组讨论',
  poll: '表决',
  resolution: '决议',
  implementationItem: '决议落实事项',
  calendarYear: '工作日历',
};

/** The name an entry is about (a delegate, a group, a file), when its record carries one. */
function subjectOf(r: AuditEntry): string {
  for (const side of [r.after, r.before]) {
    if (side && typeof side === 'object') {
      const o = side as Record<string, unknown>;
      for (const k of ['name', 'username', 'fileName']) if (typeof o[k] === 'string') return o[k] as string;
    }
  }
  return '';
}

interface Filters {
  action?: string;
  entity?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  townshipId?: string;
  page: number;
  pageSize: number;
}

function AuditLog({ url, county }: { url: string; county: boolean }) {
  const me = useMe().data!;
  const [f, setF] = useState<Filters>({ page: 1, pageSize: 20 });
  const set = (patch: Partial<Filters>) => setF((old) => ({ ...old, page: 1, ...patch }));
  const actions = useQuery({
    queryKey: ['audit-actions'],
    queryFn: () => api.get<{ items: { id: string; label: string }[] }>('/api/audit/actions').then((r) => r.items),
    staleTime: Infinity,
  });
  const params = {
    action: f.action,
    entity: f.entity,
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
    townshipId: county ? f.townshipId : undefined,
    page: f.page,
    pageSize: f.pageSize,
  };
  const log = useQuery({
    queryKey: ['audit', url, params],
    queryFn: () => api.get<Paged<AuditEntry>>(`${url}${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/api/county/audit/verify') });
  const townshipName = new Map(me.townships.map((t) => [t.id, t.name]));

  return (
    <>
      <PageHeader
        title="审计日志"
        sub="所有变更与敏感信息查看均记录在案，记录以带密钥的 SM3 哈希链相连，链尾另有检查点保存在数据库之外：修改、删除、清空都能被校验发现。"
        extra={
          county && (
            <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
              校验审计链
            </Button>
          )
        }
      />
      {verify.error && <Alert type="error" showIcon title={verify.error.message} style={{ marginBottom: 16 }} />}
      {verify.data && <ChainVerdict report={verify.data} />}
      {log.error && <QueryError error={log.error} retry={() => log.refetch()} />}
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          {county && (
            <Select
              allowClear
              placeholder="全部乡镇"
              style={{ width: 160 }}
              value={f.townshipId}
              onChange={(v) => set({ townshipId: v })}
              options={[{ value: 'county', label: '仅县级操作' }, ...me.townships.map((t) => ({ value: t.id, label: t.name }))]}
            />
          )}
          <Select
            allowClear
            placeholder="操作类型"
            style={{ width: 220 }}
            value={f.action}
            onChange={(v) => set({ action: v })}
            showSearch={{ optionFilterProp: 'label' }}
            options={actions.data?.map((a) => ({ value: a.id, label: a.label }))}
            aria-label="操作类型"
          />
          <Select
            allowClear
            placeholder="对象"
            style={{ width: 140 }}
            value={f.entity}
            onChange={(v) => set({ entity: v })}
            options={Object.entries(ENTITIES).map(([value, label]) => ({ value, label }))}
          />
          <DatePicker.RangePicker value={f.range ?? null} onChange={(v) => set({ range: v })} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Flex>
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={log.isFetching}
          dataSource={log.data?.items}
          expandable={{
            expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} />,
            rowExpandable: (r) => r.before != null || r.after != null,
          }}
          pagination={{
            current: f.page,
            pageSize: f.pageSize,
            total: log.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => setF((old) => ({ ...old, page, pageSize })),
          }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
            ...(county
              ? [{ title: '乡镇', dataIndex: 'townshipId', width: 120, render: (id: string | null) => (id ? townshipName.get(id) ?? '' : '县级') }]
              : []),
            { title: '操作人', dataIndex: 'actorName', width: 260 },
            { title: '操作', dataIndex: 'actionLabel', render: (v: string, r) => <Tag color={r.action.startsWith('auth.') ? 'default' : 'blue'}>{v}</Tag> },
            { title: '对象', dataIndex: 'entity', render: (v: string, r) => `${ENTITIES[v] ?? v}${subjectOf(r) ? `：${subjectOf(r)}` : ''}` },
          ]}
        />
      </Card>
    </>
  );
}

export function TownshipAuditPage() {
  const { tid } = useTownship();
  return <AuditLog key={tid} url={`/api/townships/${tid}/audit`} county={false} />;
}

export function CountyAuditPage() {
  return <AuditLog url="/api/county/audit" county />;
}
