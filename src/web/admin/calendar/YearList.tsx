import { Table, Tag } from 'antd';
import type { CalendarYearView } from './days.js';

export interface YearRow {
  year: number;
  /** Null for the year just added and not yet saved. */
  stored: CalendarYearView | null;
}

export function SourceTag({ stored }: { stored: CalendarYearView | null }) {
  if (!stored) return <Tag color="orange">未录入</Tag>;
  return stored.source === 'manual' ? <Tag color="blue">手工录入</Tag> : <Tag>内置</Tag>;
}

interface Props {
  rows: YearRow[];
  selected: number | null;
  loading: boolean;
  onSelect: (year: number) => void;
}

/** Newest year first: the one an administrator edits is at the top. */
export function YearList({ rows, selected, loading, onSelect }: Props) {
  return (
    <Table<YearRow>
      rowKey="year"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 640 }}
      rowSelection={{ type: 'radio', selectedRowKeys: selected === null ? [] : [selected], onChange: (keys) => onSelect(Number(keys[0])), columnWidth: 32 }}
      onRow={(r) => ({ onClick: () => onSelect(r.year), style: { cursor: 'pointer' } })}
      columns={[
        { title: '年份', dataIndex: 'year', width: 60 },
        { title: '来源', key: 'source', width: 88, render: (_, r) => <SourceTag stored={r.stored} /> },
        { title: '放假', key: 'holidays', align: 'right', render: (_, r) => <Days n={r.stored?.holidays.length} /> },
        { title: '补班', key: 'makeup', align: 'right', render: (_, r) => <Days n={r.stored?.makeupWorkdays.length} /> },
      ]}
    />
  );
}

const Days = ({ n }: { n?: number }) => <span style={{ whiteSpace: 'nowrap' }}>{n === undefined ? '—' : `${n} 天`}</span>;
