import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api.js';
import type { CountyOverview } from '../../shared/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { rememberTownship } from '../layout/useTownship.js';

type Row = CountyOverview['townships'][number];

export function OverviewPage() {
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['county', 'overview'], queryFn: () => api.get<CountyOverview>('/api/county/overview') });
  const rows = q.data?.townships ?? [];
  const sum = (k: 'active' | 'suspended' | 'terminated' | 'vacancies') => rows.reduce((s, r) => s + (r[k] ?? 0), 0);
  const open = (r: Row) => {
    rememberTownship(r.townshipId);
    navigate(`/t/${r.townshipId}/roster`);
  };

  return (
    <>
      <PageHeader title="全县概览" sub={q.data ? `${q.data.county.name} · 共 ${rows.length} 个乡镇` : undefined} />
      {q.error && <QueryError error={q.error} retry={() => q.refetch()} />}
      <Card>
        <Table<Row>
          rowKey="townshipId"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
          columns={[
            { title: '乡镇', dataIndex: 'name', render: (v: string) => <Typography.Link>{v}</Typography.Link> },
            { title: '届次', dataIndex: 'termNumber', render: (n: number | null) => (n ? `第${n}届` : <Tag>未设置</Tag>) },
            { title: '正常', dataIndex: 'active', align: 'right' },
            { title: '停止执行职务', dataIndex: 'suspended', align: 'right' },
            { title: '资格终止', dataIndex: 'terminated', align: 'right' },
            {
              title: '缺额',
              dataIndex: 'vacancies',
              align: 'right',
              render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
            },
          ]}
          summary={() =>
            rows.length > 0 && (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} />
                <Table.Summary.Cell index={2} align="right">{sum('active')}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{sum('suspended')}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{sum('terminated')}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{sum('vacancies')}</Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      </Card>
    </>
  );
}
