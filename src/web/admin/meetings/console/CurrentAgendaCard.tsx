import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { StepForwardOutlined } from '@ant-design/icons';
import { AGENDA_ITEM_TYPES } from '../../../../domain/meeting/agenda-templates.js';
import { api } from '../../../shared/api.js';
import { mBase, meetingKeys } from '../queries.js';
import type { AgendaItem } from '../agenda/types.js';
import type { MeetingDetail } from '../types.js';
import { ScreenLinkCard } from '../ScreenLinkCard.js';

/** 当前议程: what the hall screen shows as under way; 下一项 moves along the agenda. */
export function CurrentAgendaCard({ tid, meeting: m, items, canManage }: { tid: string; meeting: MeetingDetail; items: AgendaItem[]; canManage: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const set = useMutation({
    mutationFn: (agendaItemId: string | null) => api.post(`${mBase(tid, m.id)}/agenda/current`, { agendaItemId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: meetingKeys.meeting(tid, m.id) }),
    onError: (e) => message.error(e.message),
  });
  const index = items.findIndex((i) => i.id === m.currentAgendaItemId);
  const next = items[index + 1];
  const current = items[index];
  return (
    <>
      <Card title="当前议程" size="small">
        {items.length === 0 ? (
          <Typography.Text type="secondary">尚未编排议程（见“议程”）</Typography.Text>
        ) : (
          <Space wrap style={{ width: '100%' }}>
            <Select
              style={{ minWidth: 360 }}
              value={m.currentAgendaItemId ?? undefined}
              placeholder="选择当前进行的议程"
              allowClear
              disabled={!canManage || m.status !== 'inProgress'}
              onChange={(v) => set.mutate(v ?? null)}
              options={items.map((i, n) => ({ value: i.id, label: `${n + 1}. ${i.title}` }))}
              aria-label="当前议程"
            />
            {canManage && m.status === 'inProgress' && next && (
              <Button icon={<StepForwardOutlined />} onClick={() => set.mutate(next.id)} loading={set.isPending}>
                下一项
              </Button>
            )}
            {current && <Typography.Text type="secondary">{AGENDA_ITEM_TYPES[current.type]}</Typography.Text>}
          </Space>
        )}
        {m.status !== 'inProgress' && items.length > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
            开幕后可切换当前议程。
          </Typography.Text>
        )}
      </Card>
      {canManage && <ScreenLinkCard tid={tid} meetingId={m.id} />}
    </>
  );
}
