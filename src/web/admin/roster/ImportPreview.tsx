import { Alert, Button, Col, Radio, Row, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { FIELD_LABELS, ROSTER_COLUMNS, type RosterField } from '../../../domain/roster/headers.js';
import type { ImportPreview } from '../../shared/types.js';

type PreviewRow = ImportPreview['rows'][number];
/** Which page of the preview, and of which rows, the server is asked for. */
export interface PreviewView {
  page: number;
  show: ImportPreview['page']['show'];
}

const PROBLEM_BG = '#fff1f0';

export function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const s = preview.summary;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          ['共', s.total, undefined],
          ['可导入', s.valid, '#389e0d'],
          ['有问题', s.withProblems, s.withProblems > 0 ? '#cf1322' : undefined],
          ['新增', s.creates, undefined],
          ['更新', s.updates, undefined],
          ...(s.unchanged !== undefined ? [['无变化', s.unchanged, undefined]] : []),
        ].map(([label, value, color]) => (
          <Col key={label as string} xs={12} sm={8} md={4}>
            <Statistic title={label as string} value={value as number} suffix="行" styles={{ content: color ? { color: color as string } : {} }} />
          </Col>
        ))}
      </Row>
      {(preview.ignoredColumns?.length ?? 0) > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`以下列不会导入：${preview.ignoredColumns!.join('、')}`}
        />
      )}
      {s.withProblems > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`有 ${s.withProblems} 行存在问题，请在文件中修改后重新上传；全部行无误后才能导入。`}
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`全部 ${s.total} 行检查通过，可以导入。`} />
      )}
    </>
  );
}

/** The lines below the table (填表人、注…) that the import leaves out, so nobody wonders where they went. */
export function SkippedRows({ preview }: { preview: ImportPreview }) {
  if (preview.summary.skipped === 0) return null;
  const more = preview.summary.skipped - preview.skipped.length;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`表格下方有 ${preview.summary.skipped} 行落款或说明，不导入`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {preview.skipped.map((r) => (
            <li key={r.rowNumber}>
              第{r.rowNumber}行：{r.text}
            </li>
          ))}
          {more > 0 && <li>另有 {more} 行未列出</li>}
        </ul>
      }
    />
  );
}

const SHOW_OPTIONS = [
  { value: 'all', label: '全部行' },
  { value: 'problems', label: '只看有问题的行' },
  { value: 'changes', label: '只看新增和更新的行' },
];

/**
 * One page of the file's rows as they will be imported, each problem beside the row and its
 * cell in red; the pages and the filter are the server's.
 */
export function PreviewTable({ preview, loading, onView }: { preview: ImportPreview; loading: boolean; onView: (v: PreviewView) => void }) {
  const { page, pages, total, show } = preview.page;
  const headerOf = new Map(preview.columns.filter((c) => c.field).map((c) => [c.field as string, c.header]));
  const fields = ROSTER_COLUMNS.map((c) => c.field).filter((f): f is RosterField => f !== 'seq' && headerOf.has(f));

  const cell = (f: RosterField) => ({
    title: headerOf.get(f) ?? FIELD_LABELS[f],
    key: f,
    width: f === 'workplace' ? 200 : f === 'idNumber' ? 180 : f === 'name' ? 96 : 104,
    ellipsis: f !== 'name',
    fixed: f === 'name' ? ('start' as const) : undefined,
    onCell: (r: PreviewRow) =>
      r.problems.some((p) => p.field === f)
        ? { style: { background: PROBLEM_BG, color: '#cf1322', fontWeight: 600 } }
        : r.changes?.includes(f) && r.action === 'update'
          ? { style: { background: '#e6f4ff' } }
          : {},
    render: (_: unknown, r: PreviewRow) => {
      const v = r.values[f];
      return v === null || v === undefined || v === '' ? '' : String(v);
    },
  });

  // Row, name and the problems come first so that nobody has to scroll sideways to see what is wrong.
  const columns: TableProps<PreviewRow>['columns'] = [
    { title: '行号', dataIndex: 'rowNumber', width: 60, fixed: 'start' },
    ...(fields.includes('name') ? [cell('name')] : []),
    {
      title: '结果',
      dataIndex: 'action',
      width: 76,
      render: (a: PreviewRow['action'], r) =>
        r.problems.length > 0 ? (
          <Tag color="red">有问题</Tag>
        ) : a === 'create' ? (
          <Tag color="green">新增</Tag>
        ) : r.changes && r.changes.length === 0 ? (
          <Tag>无变化</Tag>
        ) : (
          <Tag color="blue">更新</Tag>
        ),
    },
    {
      title: '问题与提示',
      key: 'problems',
      width: 340,
      render: (_: unknown, r: PreviewRow) => (
        <>
          {r.problems.map((p, i) => (
            <Typography.Text key={i} type="danger" style={{ display: 'block' }}>
              {p.message}
            </Typography.Text>
          ))}
          {r.warnings?.map((w, i) => (
            <Typography.Text key={`w${i}`} type="warning" style={{ display: 'block' }}>
              {w}
            </Typography.Text>
          ))}
        </>
      ),
    },
    ...fields.filter((f) => f !== 'name').map(cell),
  ];

  return (
    <>
      <Radio.Group
        aria-label="显示哪些行"
        optionType="button"
        size="small"
        style={{ marginBottom: 12 }}
        options={SHOW_OPTIONS}
        value={show}
        disabled={loading}
        onChange={(e) => onView({ page: 1, show: e.target.value as PreviewView['show'] })}
      />
      <Table<PreviewRow> rowKey="rowNumber" size="small" columns={columns} dataSource={preview.rows} loading={loading} scroll={{ x: 'max-content' }} pagination={false} />
      <nav aria-label="检查结果分页" style={{ marginTop: 12, textAlign: 'right' }}>
        <Space>
          <Button size="small" disabled={loading || page <= 1} onClick={() => onView({ page: page - 1, show })}>
            上一页
          </Button>
          <span aria-live="polite">
            第 {page} / {Math.max(pages, 1)} 页，共 {total} 行
          </span>
          <Button size="small" disabled={loading || page >= pages} onClick={() => onView({ page: page + 1, show })}>
            下一页
          </Button>
        </Space>
      </nav>
    </>
  );
}
