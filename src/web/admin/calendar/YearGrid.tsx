import { memo, useMemo, type CSSProperties } from 'react';
import { Typography } from 'antd';
import { kindOf, monthWeeks, type Arrangement, type DayKind } from './days.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

const LOOK: Record<DayKind, { label: string; mark?: string; style: CSSProperties; next: string }> = {
  workday: { label: '工作日', style: { color: 'rgba(0,0,0,0.88)' }, next: '设为放假（休）' },
  weekend: { label: '周末', style: { color: '#8c8c8c', background: '#fafafa' }, next: '设为调休上班（班）' },
  holiday: { label: '休', mark: '休', style: { color: '#c8161d', background: '#fff1f0', fontWeight: 600 }, next: '恢复为工作日' },
  makeup: { label: '班', mark: '班', style: { color: '#0958d9', background: '#e6f4ff', fontWeight: 600 }, next: '恢复为周末' },
};

const MARK_COLOR: Record<string, string> = { 休: '#c8161d', 班: '#0958d9' };

interface Props {
  year: number;
  arrangement: Arrangement;
  editable: boolean;
  onToggle: (date: string) => void;
}

/** Twelve small months; each day shows 休 or 班 and, for an administrator, changes on a click. */
export const YearGrid = memo(function YearGrid({ year, arrangement, editable, onToggle }: Props) {
  const holidays = useMemo(() => new Set(arrangement.holidays), [arrangement.holidays]);
  const makeup = useMemo(() => new Set(arrangement.makeupWorkdays), [arrangement.makeupWorkdays]);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 16 }}>
      {Array.from({ length: 12 }, (_, i) => (
        <section key={i} aria-label={`${year}年${i + 1}月`}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            {i + 1}月
          </Typography.Text>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12 }}>
            {WEEKDAYS.map((w, d) => (
              <div key={w} style={{ textAlign: 'center', color: d >= 5 ? '#8c8c8c' : '#595959', paddingBottom: 2 }}>
                {w}
              </div>
            ))}
            {monthWeeks(year, i + 1)
              .flat()
              .map((date, k) => (date ? <Day key={date} date={date} kind={kindOf(date, holidays, makeup)} editable={editable} onToggle={onToggle} /> : <div key={`pad-${k}`} />))}
          </div>
        </section>
      ))}
    </div>
  );
});

function Day({ date, kind, editable, onToggle }: { date: string; kind: DayKind; editable: boolean; onToggle: (date: string) => void }) {
  const look = LOOK[kind];
  const style: CSSProperties = {
    position: 'relative',
    height: 28,
    border: 0,
    borderRadius: 4,
    padding: 0,
    font: 'inherit',
    background: 'transparent',
    cursor: editable ? 'pointer' : 'default',
    ...look.style,
  };
  const content = (
    <>
      {Number(date.slice(8))}
      {look.mark && (
        <span style={{ position: 'absolute', top: -1, right: 1, fontSize: 9, lineHeight: 1, color: MARK_COLOR[look.mark] }}>{look.mark}</span>
      )}
    </>
  );
  const name = `${date} ${look.label}`;
  if (!editable) {
    return (
      <div role="img" aria-label={name} title={name} style={{ ...style, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {content}
      </div>
    );
  }
  return (
    <button type="button" aria-label={name} title={`${name}：点击${look.next}`} style={style} onClick={() => onToggle(date)}>
      {content}
    </button>
  );
}

/** The key under the grid: what 休 and 班 mean here. */
export function Legend() {
  const chip = (kind: DayKind, text: string) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, marginRight: 16 }}>
      <span style={{ display: 'inline-block', width: 18, height: 18, borderRadius: 4, boxSizing: 'border-box', border: '1px solid #f0f0f0', textAlign: 'center', fontSize: 11, lineHeight: '16px', ...LOOK[kind].style }}>
        {LOOK[kind].mark ?? ''}
      </span>
      <Typography.Text type="secondary">{text}</Typography.Text>
    </span>
  );
  return (
    <div style={{ marginBottom: 12 }}>
      {chip('holiday', '放假（周一至周五休息）')}
      {chip('makeup', '调休上班（周末上班）')}
      {chip('weekend', '周末')}
    </div>
  );
}
