import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, ProgressBar, Tag, Toast } from 'antd-mobile';
import { api } from '../../shared/api.js';
import { myKeys } from './api.js';
import type { Wire } from '../../../domain/schemas/responses.js';
import type { Deadline as DeadlineView } from '../../../domain/schemas/meeting-views.js';
import type { TopicList, TopicView } from '../../../domain/schemas/topics.js';

type Deadline = Wire<typeof DeadlineView>;
type Topic = Wire<typeof TopicView>;

export function deadlineText(d: Deadline) {
  if (d.passed) return `已于 ${d.date} 截止`;
  const unit = d.unit === 'workdays' ? '个工作日' : '天';
  return `${d.date} 截止，${d.daysLeft === 0 ? '今天截止' : `还有 ${d.daysLeft} ${unit}`}${d.provisional ? '（暂定）' : ''}`;
}

/** 联名议题: joint topics still collecting signatures, with the deadline and how many are still needed. */
export function TopicsSection({ tid, mid }: { tid: string; mid: string }) {
  const qc = useQueryClient();
  const url = `/api/townships/${tid}/meetings/${mid}/topics`;
  const q = useQuery({ queryKey: myKeys.part(mid, 'topics'), queryFn: () => api.get<Wire<typeof TopicList>>(url) });
  const sign = useMutation({
    mutationFn: ({ id, undo }: { id: string; undo: boolean }) => (undo ? api.delete(`/api/townships/${tid}/topics/${id}/cosign`) : api.post(`/api/townships/${tid}/topics/${id}/cosign`)),
    onSuccess: async (_r, v) => {
      await qc.invalidateQueries({ queryKey: myKeys.part(mid, 'topics') });
      Toast.show({ icon: 'success', content: v.undo ? '已撤回联名' : '已联名' });
    },
    onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
  });
  const collecting = (q.data?.items ?? []).filter((t) => t.status === 'collecting' && t.proposerKind === 'delegates');
  if (!q.data || collecting.length === 0) return null;

  const confirm = async (t: Topic) => {
    const undo = !!t.signedByMe;
    const ok = await Dialog.confirm({
      title: undo ? '撤回联名' : '联名提出议题',
      content: (
        <div>
          <b>{t.title}</b>
          <p style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', color: '#444' }}>{t.content}</p>
        </div>
      ),
      confirmText: undo ? '撤回联名' : '我要联名',
    });
    if (ok) sign.mutate({ id: t.id, undo });
  };

  return (
    <List
      header={
        <>
          <div>待联名议题</div>
          <div className="m-muted" data-testid="topic-deadline">
            {deadlineText(q.data.deadline)}
          </div>
        </>
      }
      mode="card"
      className="m-section"
    >
      {collecting.map((t) => (
        <List.Item
          key={t.id}
          description={
            <>
              <div>
                {t.initiator?.name ? `${t.initiator.name}发起，` : ''}已联名 {t.signatures} / {t.minimum} 人
              </div>
              <ProgressBar percent={t.minimum ? Math.min(100, ((t.signatures ?? 0) / t.minimum) * 100) : 0} style={{ marginTop: 6 }} />
            </>
          }
          extra={
            t.signedByMe ? (
              <Button size="small" onClick={() => confirm(t)}>
                <Tag color="success">已联名</Tag>
              </Button>
            ) : (
              <Button size="middle" color="primary" onClick={() => confirm(t)}>
                联名
              </Button>
            )
          }
        >
          {t.title}
        </List.Item>
      ))}
    </List>
  );
}
