import { useEffect, useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Spin, Tag, Transfer, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { groupSizeWarning } from '../../../domain/groups/size.js';
import { GroupBody } from '../../../domain/schemas/groups.js';
import { api, qs } from '../../shared/api.js';
import type { DelegateSummary, GroupDetail, Paged } from '../../shared/types.js';
import { zodFieldErrors } from '../../shared/validation.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys, useRosterOptions } from '../roster/queries.js';
import { StatusTag } from '../roster/RosterPage.js';

interface Values {
  name?: string;
  kind?: string;
  memberIds: string[];
  leaderId?: string | null;
  deputyLeaderId?: string | null;
}

/** The whole roster of the current term, page by page (a township has a few hundred at most). */
async function allDelegates(tid: string): Promise<DelegateSummary[]> {
  const out: DelegateSummary[] = [];
  for (let page = 1; ; page++) {
    const r = await api.get<Paged<DelegateSummary>>(`${base(tid)}/delegates${qs({ page, pageSize: 500, sort: 'strokes' })}`);
    out.push(...r.items);
    if (out.length >= r.total || r.items.length === 0) return out;
  }
}

export function GroupEditPage() {
  const { tid, canManage } = useTownship();
  const { gid } = useParams();
  const editing = !!gid;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = useRosterOptions(tid);
  const group = useQuery({
    queryKey: keys.group(tid, gid ?? ''),
    queryFn: () => api.get<GroupDetail>(`${base(tid)}/groups/${gid}`),
    enabled: editing,
  });
  const roster = useQuery({ queryKey: keys.delegates(tid, 'all'), queryFn: () => allDelegates(tid), enabled: canManage });

  useEffect(() => {
    const g = group.data;
    if (!g) return;
    form.setFieldsValue({
      name: g.name,
      kind: g.kind,
      memberIds: g.members.map((m) => m.id),
      leaderId: g.leader?.id ?? null,
      deputyLeaderId: g.deputyLeader?.id ?? null,
    });
  }, [group.data, form]);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      editing ? api.put<GroupDetail>(`${base(tid)}/groups/${gid}`, body) : api.post<GroupDetail>(`${base(tid)}/groups`, body),
    onSuccess: async (g) => {
      await qc.invalidateQueries({ queryKey: keys.township(tid) });
      message.success(`代表小组“${g.name}”已保存`);
      navigate(`/t/${tid}/groups`);
    },
  });

  const memberIds = Form.useWatch('memberIds', form) ?? [];
  const kind = Form.useWatch('kind', form);
  const byId = useMemo(() => new Map((roster.data ?? []).map((d) => [d.id, d])), [roster.data]);
  // Delegates already in another group of this kind: the server refuses them (409), so say so first.
  const otherGroup = (d: DelegateSummary) => d.groups.find((g) => g.kind === kind && g.id !== gid);
  const candidates = (roster.data ?? []).filter((d) => d.status !== 'terminated' || memberIds.includes(d.id));
  const memberOptions = memberIds.map((id) => ({ value: id, label: byId.get(id)?.name ?? group.data?.members.find((m) => m.id === id)?.name ?? id }));
  const warning = memberIds.length > 0 ? groupSizeWarning(memberIds.length) : null;

  const onFinish = (v: Values) => {
    const body = {
      name: v.name ?? '',
      kind: v.kind,
      memberIds: v.memberIds ?? [],
      leaderId: v.leaderId && v.memberIds.includes(v.leaderId) ? v.leaderId : null,
      deputyLeaderId: v.deputyLeaderId && v.memberIds.includes(v.deputyLeaderId) ? v.deputyLeaderId : null,
    };
    const parsed = GroupBody.safeParse(body);
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error.issues) as never);
      return;
    }
    save.mutate(parsed.data);
  };

  if (editing && group.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (group.error) return <QueryError error={group.error} retry={() => group.refetch()} />;

  if (!canManage) {
    const g = group.data;
    if (!g) return <Alert type="warning" showIcon title="只有乡镇党委组织委员可以新建代表小组" />;
    return (
      <>
        <PageHeader title={g.name} sub={<Link to={`/t/${tid}/groups`}>← 返回代表小组</Link>} />
        <Card>
          <p>划分方式：{g.kindLabel}　组长：{g.leader?.name ?? '—'}　副组长：{g.deputyLeader?.name ?? '—'}　人数：{g.memberCount}</p>
          <Space wrap>
            {g.members.map((m) => (
              <Tag key={m.id}>{m.name}</Tag>
            ))}
          </Space>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader title={editing ? `编辑代表小组：${group.data?.name ?? ''}` : '新建代表小组'} sub={<Link to={`/t/${tid}/groups`}>← 返回代表小组</Link>} />
      <Card>
        {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ memberIds: [], kind: 'region' }}>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="小组名称" rules={[{ required: true, whitespace: true, message: '请填写小组名称' }]}>
                <Input maxLength={60} placeholder="如：第一代表小组（东片）" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label="划分方式" rules={[{ required: true, message: '请选择划分方式' }]}>
                <Select options={options.data?.groupKinds.map((k) => ({ value: k.id, label: k.label }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="memberIds"
            label={
              <Space>
                小组成员（已选 {memberIds.length} 人）
                {warning && <Tag color="orange">{warning}</Tag>}
              </Space>
            }
            valuePropName="targetKeys"
          >
            <Transfer
              dataSource={candidates.map((d) => ({ key: d.id, d, disabled: !!otherGroup(d) && !memberIds.includes(d.id) }))}
              showSearch
              filterOption={(input, item) => item.d.name.includes(input) || (item.d.electoralUnit?.name ?? '').includes(input)}
              titles={['名册中的代表', '本组成员']}
              locale={{ searchPlaceholder: '搜索姓名或选举单位', itemUnit: '人', itemsUnit: '人', notFoundContent: '无' }}
              styles={{ section: { width: 360, height: 420 } }}
              actions={['加入本组', '移出本组']}
              render={(item) => {
                const other = otherGroup(item.d);
                return (
                  <span>
                    {item.d.name}
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                      {item.d.electoralUnit?.name}
                      {other ? ` · 已在“${other.name}”` : ''}
                    </Typography.Text>
                    {item.d.status !== 'active' && (
                      <span style={{ marginLeft: 4 }}>
                        <StatusTag status={item.d.status} />
                      </span>
                    )}
                  </span>
                );
              }}
            />
          </Form.Item>
          {roster.isPending && <Spin size="small" />}
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name="leaderId" label="组长" extra="从本组成员中选择">
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="deputyLeaderId"
                label="副组长"
                dependencies={['leaderId']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_r, v) => {
                      if (v && v === getFieldValue('leaderId')) throw new Error('组长和副组长不能是同一人');
                    },
                  }),
                ]}
              >
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={memberOptions} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
            <Button onClick={() => navigate(`/t/${tid}/groups`)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
