import { useCallback, useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { ImportOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../shared/api.js';
import { useMe } from '../../shared/session.js';
import { PageHeader } from '../common/PageHeader.js';
import { QueryError } from '../common/QueryError.js';
import { cycleDay, sameArrangement, type Arrangement, type CalendarYearView } from './days.js';
import { ImportModal } from './ImportModal.js';
import { Legend, YearGrid } from './YearGrid.js';
import { SourceTag, YearList } from './YearList.js';

const KEY = ['calendar', 'years'] as const;
/** The server's rule: the arrangement is national, so either level of administrator keeps it. */
const EDITORS: readonly string[] = ['countyAdmin', 'townshipAdmin'];
const EMPTY: Arrangement = { holidays: [], makeupWorkdays: [] };

export function CalendarPage() {
  const me = useMe().data!;
  const editable = EDITORS.includes(me.role);
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const years = useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: CalendarYearView[] }>('/api/calendar/years').then((r) => r.items) });
  const [picked, setPicked] = useState<number | null>(null);
  /** A year added here and not saved yet: it exists only in this page until 保存 or 导入. */
  const [added, setAdded] = useState<number | null>(null);
  const [draft, setDraft] = useState<Arrangement | null>(null);
  const [importing, setImporting] = useState(false);

  const byYear = useMemo(() => new Map((years.data ?? []).map((y) => [y.year, y])), [years.data]);
  const rows = useMemo(() => {
    const all = new Set(byYear.keys());
    if (added !== null) all.add(added);
    return [...all].sort((a, b) => b - a).map((year) => ({ year, stored: byYear.get(year) ?? null }));
  }, [byYear, added]);
  const thisYear = new Date().getFullYear();
  const selected = picked ?? (byYear.has(thisYear) ? thisYear : (rows[0]?.year ?? null));
  const stored = selected === null ? null : (byYear.get(selected) ?? null);
  const saved = stored ?? EMPTY;
  const shown = draft ?? saved;
  const unsavedYear = selected !== null && stored === null;
  const dirty = draft !== null && !sameArrangement(draft, saved);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const write = useMutation({
    mutationFn: ({ year, body, how }: { year: number; body: Arrangement; how: 'save' | 'import' }) =>
      how === 'save' ? api.put<CalendarYearView>(`/api/calendar/years/${year}`, body) : api.post<CalendarYearView>(`/api/calendar/years/${year}/import`, body),
    onSuccess: async (row, { how }) => {
      qc.setQueryData<CalendarYearView[]>(KEY, (list) => [...(list ?? []).filter((y) => y.year !== row.year), row].sort((a, b) => a.year - b.year));
      setDraft(null);
      setAdded((a) => (a === row.year ? null : a));
      setImporting(false);
      message.success(`${row.year} 年节假日安排已${how === 'save' ? '保存' : '导入'}`);
      await qc.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(e.message),
  });

  /** Leaving a year with changes asks first; the changes are not kept per year. */
  const leave = (then: () => void) => {
    if (!dirty) return then();
    modal.confirm({ title: '放弃未保存的修改？', content: `${selected} 年的修改尚未保存。`, okText: '放弃修改', cancelText: '继续编辑', onOk: () => (setDraft(null), then()) });
  };

  const addYear = () =>
    leave(() => {
      const next = added ?? Math.max(thisYear, ...byYear.keys()) + 1;
      setAdded(next);
      setPicked(next);
    });

  const onToggle = useCallback((date: string) => setDraft((d) => cycleDay(d ?? saved, date)), [saved]);

  const save = () => {
    if (selected === null) return;
    const send = () => write.mutate({ year: selected, body: shown, how: 'save' });
    if (shown.holidays.length > 0 || shown.makeupWorkdays.length > 0) return send();
    modal.confirm({
      title: `${selected} 年没有标记任何放假日或调休上班日`,
      content: '保存后，该年的期限将只按周末计算，且不再显示“暂定”。确定保存？',
      okText: '保存',
      onOk: send,
    });
  };

  return (
    <>
      <PageHeader
        title="工作日历"
        extra={
          editable && (
            <Button icon={<PlusOutlined />} onClick={addYear}>
              新增年份
            </Button>
          )
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="按工作日计算的期限依据下列各年的节假日安排；尚未录入安排的年份只按周末推算，相关期限显示为“暂定”，录入并保存后自动更正。"
      />
      {years.error && <QueryError error={years.error} retry={() => years.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8} xxl={6}>
          <Card title="年度" size="small">
            <YearList rows={rows} selected={selected} loading={years.isPending} onSelect={(y) => y !== selected && leave(() => setPicked(y))} />
          </Card>
        </Col>
        <Col xs={24} xl={16} xxl={18}>
          {selected === null ? (
            <Card>{!years.isPending && <Empty description="尚无节假日安排" />}</Card>
          ) : (
            <Card
              title={
                <Space wrap>
                  <span>{selected} 年</span>
                  <SourceTag stored={stored} />
                  {dirty && <Tag color="orange">有未保存的修改</Tag>}
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                    放假 {shown.holidays.length} 天 · 调休上班 {shown.makeupWorkdays.length} 天
                    {stored && ` · 更新于 ${dayjs(stored.updatedAt).format('YYYY-MM-DD HH:mm')}`}
                  </Typography.Text>
                </Space>
              }
              extra={
                editable && (
                  <Space>
                    {dirty && (
                      <Button icon={<UndoOutlined />} onClick={() => setDraft(null)}>
                        撤销修改
                      </Button>
                    )}
                    <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                      导入
                    </Button>
                    <Button type="primary" icon={<SaveOutlined />} disabled={!dirty && !unsavedYear} loading={write.isPending && !importing} onClick={save}>
                      保存
                    </Button>
                  </Space>
                )
              }
            >
              {unsavedYear && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`${selected} 年尚未录入节假日安排，涉及该年的期限暂按周末推算，显示为“暂定”。`}
                  description={editable ? '请按国务院办公厅关于节假日安排的通知标记放假日和调休上班日，或导入后保存。' : undefined}
                />
              )}
              <Legend />
              {editable && (
                <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                  点击日期切换：工作日 ⇄ 休，周末 ⇄ 班。改完请点“保存”。
                </Typography.Paragraph>
              )}
              <YearGrid year={selected} arrangement={shown} editable={editable} onToggle={onToggle} />
            </Card>
          )}
        </Col>
      </Row>
      {editable && selected !== null && (
        <ImportModal
          year={selected}
          open={importing}
          saving={write.isPending}
          onCancel={() => setImporting(false)}
          onImport={(body) => write.mutate({ year: selected, body, how: 'import' })}
        />
      )}
    </>
  );
}
