import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, download, qs } from '../../shared/api.js';
import { DELEGATE_STATUSES, STATUS_COLORS } from '../../shared/labels.js';
import type { DelegateSummary, Paged } from '../../shared/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys, useElectoralUnits, useGroups, useRosterOptions } from './queries.js';

const SORTS = [
  { value: 'strokes', label: '按姓氏笔画' },
  { value: 'name', label: '按姓名' },
  { value: 'updated', label: '最近更新' },
];
const FILTERS = ['q', 'status', 'groupId', 'category', 'electoralUnitId', 'sort', 'page', 'pageSize', 'after', 'before'] as const;
/** A roster page with the cursors of its ends: the next or previous page is read from there. */
type RosterPageData = Paged<DelegateSummary> & { nextCursor: string | null; prevCursor: string | null };

export function StatusTag({ status }: { status: DelegateSummary['status'] }) {
  return <Tag color={STATUS_COLORS[status]}>{DELEGATE_STATUSES[status] ?? status}</Tag>;
}

export function RosterPage() {
  const { tid, township, canManage } = useTownship();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const page = Number(filters.page ?? 1);
  const pageSize = Number(filters.pageSize ?? 20);
  const [search, setSearch] = useState(filters.q ?? '');

  const query = { ...filters, sort: filters.sort ?? 'strokes', page, pageSize };
  const filtered = !!(filters.q || filters.status || filters.groupId || filters.category || filters.electoralUnitId);
  const list = useQuery({
    queryKey: keys.delegates(tid, query),
    queryFn: () => api.get<RosterPageData>(`${base(tid)}/delegates${qs(query)}`),
    placeholderData: keepPreviousData,
  });
  const options = useRosterOptions(tid);
  const units = useElectoralUnits(tid);
  const groups = useGroups(tid);

  const update = (patch: Partial<Record<(typeof FILTERS)[number], string | number | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || v === null) next.delete(k);
      else next.set(k, String(v));
    }
    for (const k of ['page', 'after', 'before'] as const) if (!(k in patch)) next.delete(k);
    setParams(next, { replace: true });
  };

  const save = (url: string, name: string) => download(url, name).catch((e: Error) => message.error(e.message));

  const columns: TableProps<DelegateSummary>['columns'] = [
    {
      title: '姓名',
      dataIndex: 'name',
      fixed: 'start',
      width: 88,
      render: (v: string, r) => <Link to={`/t/${tid}/delegates/${r.id}`}>{v}</Link>,
    },
    { title: '状态', dataIndex: 'status', width: 104, render: (s: DelegateSummary['status']) => <StatusTag status={s} /> },
    { title: '性别', dataIndex: 'gender', width: 52 },
    { title: '出生年月', dataIndex: 'birthDate', width: 84 },
    { title: '选举单位', dataIndex: ['electoralUnit', 'name'], width: 120, ellipsis: true },
    { title: '代表类别', dataIndex: 'category', width: 100, ellipsis: true },
    { title: '工作单位及职务', dataIndex: 'workplace', width: 150, ellipsis: true },
    { title: '手机号', dataIndex: 'phoneMasked', width: 112 },
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 170 },
    {
      title: '所在小组',
      dataIndex: 'groups',
      width: 160,
      ellipsis: true,
      render: (gs: DelegateSummary['groups']) =>
        gs?.length ? (
          <span title={gs.map((g) => g.name).join('、')}>{gs.map((g) => g.name).join('、')}</span>
        ) : (
          <Typography.Text type="secondary">未分组</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="代表名册"
        sub={township ? `${township.name}${list.data ? (filtered ? ` · 符合条件的代表 ${list.data.total} 名` : ` · 共 ${list.data.total} 名代表`) : ''}` : undefined}
        extra={
          <Space wrap>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/t/${tid}/roster/new`)}>
                新增代表
              </Button>
            )}
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => navigate(`/t/${tid}/import`)}>
                导入名册
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} onClick={() => save(`${base(tid)}/roster/export.xlsx${qs({ status: filters.status })}`, '代表名册.xlsx')}>
              导出名册
            </Button>
            {canManage && (
              <Button icon={<DownloadOutlined />} onClick={() => save(`${base(tid)}/roster/template.xlsx`, '代表名册模板.xlsx')}>
                下载模板
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="姓名，或完整的手机号/身份证号"
            style={{ width: 260 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() })}
            aria-label="搜索代表"
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 130 }}
            value={filters.status}
            onChange={(v) => update({ status: v })}
            options={Object.entries(DELEGATE_STATUSES).map(([value, label]) => ({ value, label }))}
          />
          <Select
            allowClear
            placeholder="代表小组"
            style={{ width: 180 }}
            value={filters.groupId}
            onChange={(v) => update({ groupId: v })}
            options={groups.data?.map((g) => ({ value: g.id, label: g.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            allowClear
            placeholder="代表类别"
            style={{ width: 130 }}
            value={filters.category}
            onChange={(v) => update({ category: v })}
            options={options.data?.categories.map((c) => ({ value: c, label: c }))}
          />
          <Select
            allowClear
            placeholder="选举单位"
            style={{ width: 160 }}
            value={filters.electoralUnitId}
            onChange={(v) => update({ electoralUnitId: v })}
            options={units.data?.map((u) => ({ value: u.id, label: u.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select style={{ width: 130 }} value={query.sort} onChange={(v) => update({ sort: v })} options={SORTS} aria-label="排序" />
        </Flex>
        {list.error && <QueryError error={list.error} retry={() => list.refetch()} />}
        <Table<DelegateSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          columns={columns}
          scroll={{ x: 1140 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 名`,
            onChange: (p, ps) => {
              // One page on or back: from the cursor of this page's end, as cheap deep down as at
              // the start. Any other jump goes by the page number.
              const step = ps === pageSize && p > 1 ? p - page : 0;
              const after = step === 1 ? list.data?.nextCursor ?? undefined : undefined;
              const before = step === -1 ? list.data?.prevCursor ?? undefined : undefined;
              update({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps, after, before });
            },
          }}
          locale={{ emptyText: filters.q ? `没有找到与“${filters.q}”匹配的代表` : '暂无代表，可新增或导入名册' }}
        />
      </Card>
    </>
  );
}
