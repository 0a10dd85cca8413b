import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { describePassRule } from '../../../domain/meeting/pass-rule.js';
import { describeFraction, describePeriod, MeetingRules } from '../../../domain/meeting/rules.js';
import { api } from '../../shared/api.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { meetingKeys, tBase } from './queries.js';
import type { RulesSettings } from './types.js';

const COMPARISONS = [
  { value: 'moreThan', label: '超过' },
  { value: 'atLeast', label: '不少于' },
];
const UNITS = [
  { value: 'workdays', label: '个工作日' },
  { value: 'calendarDays', label: '个自然日' },
];

function Fraction({ name, basis }: { name: string; basis?: boolean }) {
  return (
    <Space wrap align="start">
      {basis && (
        <Form.Item name={[name, 'basis']} noStyle>
          <Select style={{ width: 150 }} options={[{ value: 'present', label: '实到会代表' }, { value: 'due', label: '应到会代表' }]} />
        </Form.Item>
      )}
      <Form.Item name={[name, 'comparison']} noStyle>
        <Select style={{ width: 100 }} options={COMPARISONS} />
      </Form.Item>
      <Form.Item name={[name, 'numerator']} noStyle>
        <InputNumber min={1} max={100} precision={0} style={{ width: 72 }} aria-label="分子" />
      </Form.Item>
      <span style={{ lineHeight: '32px' }}>/</span>
      <Form.Item name={[name, 'denominator']} noStyle>
        <InputNumber min={1} max={100} precision={0} style={{ width: 72 }} aria-label="分母" />
      </Form.Item>
    </Space>
  );
}

function Period({ name }: { name: string }) {
  return (
    <Space>
      <span>会前至少</span>
      <Form.Item name={[name, 'days']} noStyle>
        <InputNumber min={0} max={90} precision={0} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name={[name, 'unit']} noStyle>
        <Select style={{ width: 120 }} options={UNITS} />
      </Form.Item>
    </Space>
  );
}

/** 会议规则: the township's settings; a meeting copies them when it is created. */
export function RulesPage() {
  const { tid, canManage } = useTownship();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeetingRules>();
  const q = useQuery({ queryKey: meetingKeys.rules(tid), queryFn: () => api.get<RulesSettings>(`${tBase(tid)}/settings/meeting-rules`) });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data.rules);
  }, [q.data, form]);

  const save = useMutation({
    mutationFn: (rules: MeetingRules) => api.put<RulesSettings>(`${tBase(tid)}/settings/meeting-rules`, rules),
    onSuccess: (r) => {
      qc.setQueryData(meetingKeys.rules(tid), r);
      message.success('会议规则已保存，此后新建的会议将采用新规则');
    },
    onError: (e) => message.error(e.message),
  });

  const submit = async () => {
    const v = await form.validateFields();
    const parsed = MeetingRules.safeParse(v);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      message.error(parsed.error.issues[0]?.message ?? '规则填写有误');
      return;
    }
    save.mutate(parsed.data);
  };

  const d = q.data?.defaults;
  return (
    <>
      <PageHeader title="会议规则" sub="法定人数、表决通过规则、议题与通知期限。已建立的会议保留建立时的规则。" />
      {q.error && <QueryError error={q.error} retry={() => q.refetch()} />}
      {q.data?.isDefault && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="当前使用系统默认规则（依据党代会年会制有关规定）。" />}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card loading={q.isPending}>
            <Form form={form} layout="vertical" disabled={!canManage}>
              <Form.Item label="会议法定人数（到会代表占应到会代表的比例）" required>
                <Fraction name="meetingQuorum" />
              </Form.Item>
              <Form.Item label="选举法定人数（进行选举时）" required>
                <Fraction name="electionQuorum" />
              </Form.Item>
              <Form.Item label="决议通过规则（赞成票占……）" required>
                <Fraction name="passRule" basis />
              </Form.Item>
              <Form.Item label="议题提出截止" required>
                <Period name="topicDeadline" />
              </Form.Item>
              <Form.Item label="会议通知期限" required>
                <Period name="noticePeriod" />
              </Form.Item>
              <Form.Item label="可以提出议题的">
                <Space>
                  <Form.Item name={['topicProposers', 'committee']} valuePropName="checked" noStyle>
                    <Checkbox>乡镇党委</Checkbox>
                  </Form.Item>
                  <Form.Item name={['topicProposers', 'group']} valuePropName="checked" noStyle>
                    <Checkbox>代表小组</Checkbox>
                  </Form.Item>
                  <Form.Item name={['topicProposers', 'delegates']} valuePropName="checked" noStyle>
                    <Checkbox>代表联名</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
              <Space size="large" wrap>
                <Form.Item name="topicCosignMinimum" label="联名提出议题最少人数（含发起人）">
                  <InputNumber min={1} max={100} precision={0} suffix="人" />
                </Form.Item>
                <Form.Item name="proposalCosignMinimum" label="会议期间提案联名最少人数">
                  <InputNumber min={1} max={100} precision={0} suffix="人" />
                </Form.Item>
              </Space>
              {canManage && (
                <div style={{ marginTop: 8, display: 'flex', gap: 8 }}>
                  <Button type="primary" onClick={submit} loading={save.isPending}>
                    保存规则
                  </Button>
                  {d && <Button onClick={() => form.setFieldsValue(d)}>恢复默认值</Button>}
                </div>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          {d && (
            <Card title="默认规则" size="small">
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'q', label: '会议法定人数', children: `应到会代表${describeFraction(d.meetingQuorum)}` },
                  { key: 'e', label: '选举法定人数', children: `应到会代表${describeFraction(d.electionQuorum)}` },
                  { key: 'p', label: '决议通过', children: describePassRule(d.passRule) },
                  { key: 't', label: '议题截止', children: `会前${describePeriod(d.topicDeadline)}` },
                  { key: 'n', label: '通知期限', children: `会前${describePeriod(d.noticePeriod)}` },
                  { key: 'c', label: '联名人数', children: `${d.topicCosignMinimum} 人` },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                各地文件规定不一（如法定人数 2/3 或 4/5，通知期限 5 个工作日或 15 天），请按本乡镇的规定设置。
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
