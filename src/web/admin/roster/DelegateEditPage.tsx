import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Spin } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { DelegateBody } from '../../../domain/schemas/roster.js';
import { parseRosterDate } from '../../../domain/roster/dates.js';
import { validateIdNumber, validatePhone } from '../../../domain/roster/idcard.js';
import { api, ApiError } from '../../shared/api.js';
import type { DelegateDetail, DelegateSummary, Vacancy } from '../../shared/types.js';
import { zodFieldErrors } from '../../shared/validation.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { base, keys, useElectoralUnits, useRosterOptions } from './queries.js';

type Values = Record<
  'name' | 'gender' | 'ethnicity' | 'birthDate' | 'partyJoinDate' | 'education' | 'workplace' | 'category' | 'electoralUnit' | 'phone' | 'idNumber',
  string | undefined
> & { replacesDelegateId?: string };

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

const dateRule = (label: string) => ({
  validator: async (_r: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return;
    const r = parseRosterDate(v, { label });
    if (!r.ok) throw new Error(r.message);
  },
});
const idRule = {
  validator: async (_r: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return;
    const r = validateIdNumber(v);
    if (!r.ok) throw new Error(r.message);
  },
};
const phoneRule = {
  validator: async (_r: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return;
    const r = validatePhone(v);
    if (!r.ok) throw new Error(r.message);
  },
};

/** 1975.3, 1975年3月 → 1975-03: the server stores YYYY-MM or YYYY-MM-DD. */
const normDate = (v: string | undefined) => {
  if (!v || !v.trim()) return null;
  const r = parseRosterDate(v);
  return r.ok ? r.value : v.trim();
};

export function DelegateEditPage() {
  const { tid, canManage } = useTownship();
  const { id } = useParams();
  const editing = !!id;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const options = useRosterOptions(tid);
  const units = useElectoralUnits(tid);
  const current = useQuery({
    queryKey: keys.delegate(tid, id ?? ''),
    queryFn: () => api.get<DelegateDetail>(`${base(tid)}/delegates/${id}`),
    enabled: editing,
  });
  const vacancies = useQuery({
    queryKey: keys.vacancies(tid),
    queryFn: () => api.get<{ items: Vacancy[] }>(`${base(tid)}/vacancies`).then((r) => r.items),
    enabled: !editing,
  });

  useEffect(() => {
    const d = current.data;
    if (!d) return;
    form.setFieldsValue({
      name: d.name,
      gender: d.gender,
      ethnicity: d.ethnicity ?? undefined,
      birthDate: d.birthDate ?? undefined,
      partyJoinDate: d.partyJoinDate ?? undefined,
      education: d.education ?? undefined,
      workplace: d.workplace ?? undefined,
      category: d.category ?? undefined,
      electoralUnit: d.electoralUnit?.name,
    });
  }, [current.data, form]);

  const save = useMutation({
    mutationFn: (body: unknown) =>
      editing ? api.put<DelegateSummary>(`${base(tid)}/delegates/${id}`, body) : api.post<DelegateSummary>(`${base(tid)}/delegates`, body),
    onSuccess: async (d) => {
      await qc.invalidateQueries({ queryKey: keys.township(tid) });
      message.success(editing ? '代表信息已保存' : `已新增代表${d.name}`);
      navigate(`/t/${tid}/delegates/${d.id}`, { replace: true });
    },
    onError: (e) => {
      // The server names the field of each problem; show them beside the inputs too.
      if (e instanceof ApiError && Array.isArray(e.details)) {
        const fields = (e.details as { field?: string; path?: string; message: string }[])
          .map((p) => ({ name: p.field ?? p.path ?? '', errors: [p.message] }))
          .filter((f) => f.name && form.getFieldInstance(f.name as never) !== undefined);
        form.setFields(fields as never);
      }
    },
  });

  const onFinish = (v: Values) => {
    const body = {
      name: v.name?.trim() ?? '',
      gender: v.gender,
      ethnicity: v.ethnicity?.trim() || '汉族',
      birthDate: normDate(v.birthDate),
      partyJoinDate: normDate(v.partyJoinDate),
      education: blank(v.education),
      workplace: blank(v.workplace),
      category: blank(v.category),
      electoralUnit: blank(v.electoralUnit),
      // Editing never shows the full numbers: a field left empty keeps the stored number.
      phone: editing && !blank(v.phone) ? undefined : blank(v.phone),
      idNumber: editing && !blank(v.idNumber) ? undefined : blank(v.idNumber),
      ...(editing ? {} : { replacesDelegateId: v.replacesDelegateId ?? null }),
    };
    const parsed = DelegateBody.safeParse(body);
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error.issues) as never);
      return;
    }
    save.mutate(parsed.data);
  };

  // An ID number carries the birth date and gender: fill them when still empty.
  const onIdBlur = () => {
    const r = validateIdNumber(form.getFieldValue('idNumber') ?? '');
    if (!r.ok) return;
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', r.birthDate.slice(0, 7));
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', r.gender);
  };

  if (!canManage) return <Alert type="warning" showIcon title="只有乡镇党委组织委员可以新增或修改代表信息" />;
  if (editing && current.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (current.error) return <QueryError error={current.error} />;

  const opt = (list?: string[]) => list?.map((x) => ({ value: x, label: x }));
  return (
    <>
      <PageHeader
        title={editing ? `编辑代表：${current.data?.name ?? ''}` : '新增代表'}
        sub={<Link to={editing ? `/t/${tid}/delegates/${id}` : `/t/${tid}/roster`}>← 返回</Link>}
      />
      <Card>
        {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ ethnicity: '汉族' }} scrollToFirstError>
          <Row gutter={24}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 40 }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
                <Radio.Group options={['男', '女']} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="ethnicity" label="民族">
                <Select showSearch options={opt(options.data?.ethnicities)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="birthDate" label="出生年月" extra="如 1975-03 或 1975-03-01，也可写 1975.03" rules={[dateRule('出生年月')]}>
                <Input placeholder="YYYY-MM" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="partyJoinDate" label="入党时间" extra="如 1998-07 或 1998-07-01" rules={[dateRule('入党时间')]}>
                <Input placeholder="YYYY-MM" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="education" label="学历">
                <AutoComplete options={opt(options.data?.educations)} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={16}>
              <Form.Item name="workplace" label="工作单位及职务" rules={[{ max: 120, message: '不能超过 120 个字' }]}>
                <Input maxLength={120} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="category" label="代表类别">
                <Select allowClear options={opt(options.data?.categories)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="electoralUnit" label="选举单位" extra="可选已有单位，或输入新的单位名称">
                <AutoComplete
                  options={opt(units.data?.map((u) => u.name))}
                  filterOption={(input, o) => String(o?.value ?? '').includes(input)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="phone" label="联系电话" rules={[phoneRule]} extra={editing && current.data?.phoneMasked ? `现为 ${current.data.phoneMasked}，留空则不变` : undefined}>
                <Input inputMode="tel" placeholder={editing && current.data?.phoneMasked ? '留空则保持不变' : undefined} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="idNumber" label="公民身份号码" rules={[idRule]} extra={editing && current.data?.idNumberMasked ? `现为 ${current.data.idNumberMasked}，留空则不变` : undefined}>
                <Input maxLength={18} onBlur={onIdBlur} placeholder={editing && current.data?.idNumberMasked ? '留空则保持不变' : undefined} />
              </Form.Item>
            </Col>
            {!editing && (vacancies.data?.length ?? 0) > 0 && (
              <Col xs={24} xl={16}>
                <Form.Item name="replacesDelegateId" label="补选填补的缺额" extra="经补选产生的代表，选择其填补的资格终止代表；否则留空">
                  <Select
                    allowClear
                    options={vacancies.data?.map((v) => ({
                      value: v.delegateId,
                      label: `${v.name}（${v.electoralUnit?.name ?? '未填选举单位'}${v.reasonLabel ? `，${v.reasonLabel}` : ''}）`,
                    }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
