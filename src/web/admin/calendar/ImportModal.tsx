import { useMemo, useState } from 'react';
import { Alert, Input, Modal, Space, Typography } from 'antd';
import { parseArrangement, type Arrangement } from './days.js';

interface Props {
  year: number;
  open: boolean;
  saving: boolean;
  onCancel: () => void;
  onImport: (a: Arrangement) => void;
}

const EXAMPLE = `2027-01-01 休\n2027-02-06 班\n2027-02-08\n或 {"holidays": ["2027-01-01"], "makeupWorkdays": ["2027-02-06"]}`;

/** Pasted dates replace the year's whole arrangement; what was read is shown before sending. */
export function ImportModal({ year, open, saving, onCancel, onImport }: Props) {
  const [text, setText] = useState('');
  const parsed = useMemo(() => (text.trim() ? parseArrangement(text, year) : null), [text, year]);
  const ready = !!parsed && parsed.problems.length === 0;

  return (
    <Modal
      open={open}
      title={`导入 ${year} 年节假日安排`}
      okText="导入并保存"
      okButtonProps={{ disabled: !ready }}
      confirmLoading={saving}
      onOk={() => parsed && onImport({ holidays: parsed.holidays, makeupWorkdays: parsed.makeupWorkdays })}
      onCancel={onCancel}
      afterOpenChange={(visible) => !visible && setText('')}
      width={600}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        粘贴 JSON <Typography.Text code>{'{holidays, makeupWorkdays}'}</Typography.Text>，或每行一个日期（可在日期后写“休”或“班”；不写时，周一至周五视为放假，周末视为调休上班）。导入将替换该年已有的全部安排。
      </Typography.Paragraph>
      <Input.TextArea aria-label="粘贴的日期" rows={10} value={text} onChange={(e) => setText(e.target.value)} placeholder={EXAMPLE} style={{ fontFamily: 'monospace' }} />
      {parsed && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          {parsed.problems.length > 0 ? (
            <Alert type="error" showIcon title={`有 ${parsed.problems.length} 处问题，请改正后再导入`} description={<List items={parsed.problems} />} />
          ) : (
            <Alert type="success" showIcon title={`读到放假 ${parsed.holidays.length} 天、调休上班 ${parsed.makeupWorkdays.length} 天`} />
          )}
          {parsed.notes.length > 0 && <Alert type="info" showIcon title={`已略去 ${parsed.notes.length} 项`} description={<List items={parsed.notes} />} />}
        </Space>
      )}
    </Modal>
  );
}

function List({ items }: { items: string[] }) {
  const shown = items.slice(0, 8);
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {shown.map((p, i) => (
        <li key={i}>{p}</li>
      ))}
      {items.length > shown.length && <li>…… 另有 {items.length - shown.length} 项</li>}
    </ul>
  );
}
