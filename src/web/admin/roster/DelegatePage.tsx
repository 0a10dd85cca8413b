import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, EyeOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api.js';
import { DELEGATE_STATUSES, STATUS_COLORS } from '../../shared/labels.js';
import type { DelegateDetail } from '../../shared/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys } from './queries.js';
import { StatusTag } from './RosterPage.js';
import { StatusModal } from './StatusModal.js';

export function DelegatePage() {
  const { tid, canManage, canSeePersonal } = useTownship();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [statusOpen, setStatusOpen] = useState(false);
  const q = useQuery({ queryKey: keys.delegate(tid, id!), queryFn: () => api.get<DelegateDetail>(`${base(tid)}/delegates/${id}`) });
  const personal = useMutation({
    mutationFn: () => api.get<{ phone: string | null; idNumber: string | null }>(`${base(tid)}/delegates/${id}/personal`),
    onError: (e) => message.error(e.message),
  });

  if (q.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (q.error) return <QueryError error={q.error} retry={() => q.refetch()} />;
  const d = q.data;
  const shown = personal.data;

  return (
    <>
      <PageHeader
        title={
          <Space>
            {d.name}
            <StatusTag status={d.status} />
          </Space>
        }
        sub={<Link to={`/t/${tid}/roster`}>← 返回代表名册</Link>}
        extra={
          canManage && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => navigate(`/t/${tid}/delegates/${d.id}/edit`)}>
                编辑
              </Button>
              <Button type="primary" icon={<SwapOutlined />} disabled={d.status === 'terminated'} onClick={() => setStatusOpen(true)}>
                变更状态
              </Button>
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="基本信息">
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'gender', label: '性别', children: d.gender },
                { key: 'ethnicity', label: '民族', children: d.ethnicity },
                { key: 'birth', label: '出生年月', children: d.birthDate },
                { key: 'party', label: '入党时间', children: d.partyJoinDate },
                { key: 'edu', label: '学历', children: d.education },
                { key: 'cat', label: '代表类别', children: d.category },
                { key: 'unit', label: '选举单位', children: d.electoralUnit?.name },
                { key: 'since', label: '状态起始', children: d.statusSince },
                { key: 'work', label: '工作单位及职务', span: 2, children: d.workplace },
                { key: 'phone', label: '手机号', children: shown ? shown.phone : d.phoneMasked },
                { key: 'id', label: '身份证号', children: shown ? shown.idNumber : d.idNumberMasked },
              ]}
            />
            {canSeePersonal && !shown && (
              <Button icon={<EyeOutlined />} loading={personal.isPending} onClick={() => personal.mutate()} style={{ marginTop: 8 }}>
                查看完整证件号
              </Button>
            )}
            {shown && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                完整号码的查看已记入审计日志。
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="所在小组" style={{ marginBottom: 16 }}>
            {d.groups.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未加入代表小组" />
            ) : (
              <Space wrap>
                {d.groups.map((g) => (
                  <Link key={g.id} to={`/t/${tid}/groups/${g.id}`}>
                    <Tag color="blue">{g.name}</Tag>
                  </Link>
                ))}
              </Space>
            )}
          </Card>
          <Card title="状态变更记录">
            {d.statusHistory.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" />
            ) : (
              <Timeline
                items={d.statusHistory.map((h) => ({
                  key: h.id,
                  color: STATUS_COLORS[h.toStatus] === 'default' ? 'gray' : STATUS_COLORS[h.toStatus],
                  content: (
                    <div>
                      <Typography.Text strong>
                        {h.fromStatus ? `${DELEGATE_STATUSES[h.fromStatus]} → ` : ''}
                        {DELEGATE_STATUSES[h.toStatus]}
                      </Typography.Text>
                      {h.reasonLabel && <div>原因：{h.reasonLabel}</div>}
                      {h.decidedBy && (
                        <div>
                          {h.decidedBy}决定{h.decidedOn ? `（${h.decidedOn}）` : ''}
                        </div>
                      )}
                      {h.filedWithCountyOn && <div>报县备案：{h.filedWithCountyOn}</div>}
                      {h.note && <Typography.Text type="secondary">备注：{h.note}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {statusOpen && <StatusModal tid={tid} delegate={d} onClose={() => setStatusOpen(false)} />}
    </>
  );
}
