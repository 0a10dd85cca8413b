import { Table, Typography } from 'antd';
import { ROLES } from '../../../domain/accounts/roles.js';
import { GROUP_KINDS } from '../../../domain/groups/size.js';
import { DELEGATE_STATUSES, STATUS_REASONS } from '../../../domain/roster/status.js';

/** Stored identifiers shown by their Chinese names. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: DELEGATE_STATUSES,
  fromStatus: DELEGATE_STATUSES,
  toStatus: DELEGATE_STATUSES,
  reason: Object.fromEntries(Object.entries(STATUS_REASONS).map(([k, v]) => [k, v.label])),
  role: ROLES,
  kind: GROUP_KINDS,
};

/** Field names of audited records, for people reading the log. */
const FIELD_LABELS: Record<string, string> = {
  name: '姓名/名称',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生年月',
  partyJoinDate: '入党时间',
  education: '学历',
  workplace: '工作单位及职务',
  category: '代表类别',
  electoralUnitId: '选举单位',
  electoralUnit: '选举单位',
  phoneMasked: '联系电话',
  idNumberMasked: '身份证号',
  status: '状态',
  statusSince: '状态起始',
  reason: '原因',
  reasonLabel: '原因说明',
  changeId: '变更记录编号',
  leftGroups: '退出的小组',
  fileName: '文件名',
  rows: '行数',
  created: '新增',
  updated: '更新',
  unchanged: '无变化',
  imported: '导入',
  ip: 'IP 地址',
  fields: '查看的字段',
  note: '备注',
  decidedBy: '决定机关',
  decidedOn: '决定日期',
  filedWithCountyOn: '报县备案日期',
  replacesDelegateId: '补选填补',
  kind: '划分方式',
  leaderId: '组长',
  deputyLeaderId: '副组长',
  memberIds: '成员',
  username: '用户名',
  displayName: '姓名/称呼',
  role: '角色',
  disabled: '已停用',
  number: '届次',
  startsOn: '任期开始',
  endsOn: '任期结束',
  isCurrent: '当前届次',
  categories: '代表类别',
};

const show = (key: string, v: unknown) => {
  if (v === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  if (v === null) return <Typography.Text type="secondary">（空）</Typography.Text>;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return VALUE_LABELS[key]?.[v] ?? v;
  if (typeof v === 'number') return String(v);
  return <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(v)}</code>;
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Before and after side by side, changed fields first and marked. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  if (!isObject(before) && !isObject(after)) {
    return (
      <pre style={{ margin: 0 }}>
        {JSON.stringify({ before, after }, null, 2)}
      </pre>
    );
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys
    // A key only in `before` is context (the record's name), not something the change removed.
    .map((k) => ({ key: k, before: b[k], after: a[k], changed: k in a && JSON.stringify(b[k]) !== JSON.stringify(a[k]) }))
    .sort((x, y) => Number(y.changed) - Number(x.changed));
  const onlyAfter = !isObject(before);
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: '字段', dataIndex: 'key', width: 160, render: (k: string) => FIELD_LABELS[k] ?? k },
        ...(onlyAfter ? [] : [{ title: '变更前', dataIndex: 'before', render: (v: unknown, r: (typeof rows)[number]) => show(r.key, v) }]),
        {
          title: onlyAfter ? '内容' : '变更后',
          dataIndex: 'after',
          render: (v: unknown, r: (typeof rows)[number]) =>
            r.changed && !onlyAfter ? <Typography.Text mark>{show(r.key, v)}</Typography.Text> : show(r.key, v),
        },
      ]}
    />
  );
}
