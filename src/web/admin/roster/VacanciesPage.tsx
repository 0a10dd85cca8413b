import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../shared/api.js';
import type { Vacancy } from '../../shared/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys, useElectoralUnits } from './queries.js';

/** Seats left by terminated delegates that no by-election has filled, by electoral unit. */
export function VacanciesPage() {
  const { tid } = useTownship();
  const units = useElectoralUnits(tid);
  const vacancies = useQuery({
    queryKey: keys.vacancies(tid),
    queryFn: () => api.get<{ items: Vacancy[] }>(`${base(tid)}/vacancies`).then((r) => r.items),
  });
  const total = vacancies.data?.length ?? 0;
  const withVacancy = (units.data ?? []).filter((u) => u.vacancies > 0);

  return (
    <>
      <PageHeader title="缺额与补选提示" />
      {vacancies.error && <QueryError error={vacancies.error} retry={() => vacancies.refetch()} />}
      {vacancies.isSuccess &&
        (total > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`本届共有 ${total} 个代表缺额，涉及 ${withVacancy.length} 个选举单位，可按规定组织补选。`}
            description="补选产生的代表在“新增代表”时选择其填补的缺额，缺额即消除。"
          />
        ) : (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title="本届暂无代表缺额。" />
        ))}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="各选举单位">
            <Table
              rowKey="id"
              size="small"
              loading={units.isPending}
              dataSource={units.data}
              pagination={false}
              columns={[
                { title: '选举单位', dataIndex: 'name' },
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
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="缺额明细（待补选）">
            <Table<Vacancy>
              rowKey="delegateId"
              size="small"
              loading={vacancies.isPending}
              dataSource={vacancies.data}
              pagination={false}
              locale={{ emptyText: '暂无缺额' }}
              columns={[
                { title: '选举单位', dataIndex: ['electoralUnit', 'name'], render: (v?: string) => v ?? '未填选举单位' },
                { title: '原代表', dataIndex: 'name', render: (v: string, r) => <Link to={`/t/${tid}/delegates/${r.delegateId}`}>{v}</Link> },
                { title: '资格终止日期', dataIndex: 'terminatedOn' },
                { title: '原因', dataIndex: 'reasonLabel' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
