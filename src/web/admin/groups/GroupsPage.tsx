import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api.js';
import type { GroupSummary, PersonRef } from '../../shared/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys, useGroups, useRosterOptions } from '../roster/queries.js';

const person = (p: PersonRef | null) => p?.name ?? '—';

export function GroupsPage() {
  const { tid, canManage } = useTownship();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [kind, setKind] = useState<string>('all');
  const groups = useGroups(tid);
  const options = useRosterOptions(tid);
  const remove = useMutation({
    mutationFn: (g: GroupSummary) => api.delete(`${base(tid)}/groups/${g.id}`),
    onSuccess: async (_r, g) => {
      await qc.invalidateQueries({ queryKey: keys.township(tid) });
      message.success(`已删除代表小组“${g.name}”`);
    },
    onError: (e) => message.error(e.message),
  });

  const rows = (groups.data ?? []).filter((g) => kind === 'all' || g.kind === kind);
  const kinds = [{ value: 'all', label: '全部' }, ...(options.data?.groupKinds ?? []).map((k) => ({ value: k.id, label: k.label }))];

  return (
    <>
      <PageHeader
        title="代表小组"
        sub="每组一般 15–20 名代表，设组长、副组长各一名；同一代表在同一划分方式下只能参加一个小组。"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/t/${tid}/groups/new`)}>
              新建小组
            </Button>
          )
        }
      />
      {groups.error && <QueryError error={groups.error} retry={() => groups.refetch()} />}
      <Card>
        <Segmented options={kinds} value={kind} onChange={(v) => setKind(String(v))} style={{ marginBottom: 16 }} />
        <Table<GroupSummary>
          rowKey="id"
          loading={groups.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: '暂无代表小组' }}
          columns={[
            { title: '小组名称', dataIndex: 'name', render: (v: string, g) => <Link to={`/t/${tid}/groups/${g.id}`}>{v}</Link> },
            { title: '划分方式', dataIndex: 'kindLabel' },
            { title: '组长', dataIndex: 'leader', render: person },
            { title: '副组长', dataIndex: 'deputyLeader', render: person },
            {
              title: '人数',
              dataIndex: 'memberCount',
              align: 'right',
              render: (n: number, g) => (
                <Space>
                  {n}
                  {g.warning && (
                    <Tag color="orange" icon={<WarningOutlined />}>
                      {g.warning}
                    </Tag>
                  )}
                </Space>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: '操作',
                    key: 'ops',
                    render: (_: unknown, g: GroupSummary) => (
                      <Space>
                        <Button type="link" size="small" onClick={() => navigate(`/t/${tid}/groups/${g.id}`)}>
                          编辑
                        </Button>
                        <Popconfirm
                          title={`删除代表小组“${g.name}”？`}
                          description="小组成员不受影响，仅解除分组。"
                          okText="删除"
                          okButtonProps={{ danger: true }}
                          onConfirm={() => remove.mutateAsync(g).catch(() => undefined)}
                        >
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
