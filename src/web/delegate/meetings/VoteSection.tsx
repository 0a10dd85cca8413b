import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, List, Tag, Toast } from 'antd-mobile';
import { CHOICES, type Choice } from '../../../domain/meeting/poll.js';
import { api, ApiError } from '../../shared/api.js';
import { myKeys } from './api.js';

interface MyPoll {
  id: string;
  title: string;
  method: 'showOfHands' | 'named' | 'secret';
  status: 'open' | 'closed';
  eligible: boolean;
  hasVoted: boolean;
  result: { yes: number; no: number; abstain: number; notVoted: number; passed: boolean; presentSnapshot: number; requiredYes: number } | null;
}

export function useMyPolls(mid: string, enabled: boolean) {
  return useQuery({ queryKey: myKeys.part(mid, 'polls'), queryFn: () => api.get<{ items: MyPoll[] }>(`/api/me/meetings/${mid}/polls`).then((r) => r.items), enabled });
}

const NOTE = {
  secret: '无记名投票：您的选择不会与您的身份关联',
  named: '记名表决：您的选择将记入表决记录',
  showOfHands: '举手表决：请在会场举手表决，无需在手机上操作',
};

/** The open vote, big and alone: 赞成 / 反对 / 弃权, a confirmation, then 已投票. */
function VoteCard({ poll, mid }: { poll: MyPoll; mid: string }) {
  const qc = useQueryClient();
  const [sent, setSent] = useState(false);
  const vote = useMutation({
    mutationFn: (choice: Choice) => api.post(`/api/me/polls/${poll.id}/vote`, { choice }),
    onSuccess: () => {
      setSent(true);
      Toast.show({ icon: 'success', content: '投票成功' });
      void qc.invalidateQueries({ queryKey: myKeys.part(mid, 'polls') });
    },
    onError: (e) => {
      // Already counted (another tab, a retry after a lost answer): the vote stands.
      if (e instanceof ApiError && e.message.includes('已经投过票')) setSent(true);
      Toast.show({ icon: 'fail', content: e.message });
      void qc.invalidateQueries({ queryKey: myKeys.part(mid, 'polls') });
    },
  });
  const choose = async (choice: Choice) => {
    const ok = await Dialog.confirm({
      title: '确认投票',
      content: (
        <div style={{ textAlign: 'center', fontSize: 18 }}>
          您的选择：<b style={{ color: '#c8161d', fontSize: 22 }}>{CHOICES[choice]}</b>
          <div style={{ fontSize: 14, color: '#666', marginTop: 8 }}>投票后不能更改</div>
        </div>
      ),
      confirmText: '确认投票',
      cancelText: '重新选择',
    });
    if (ok) vote.mutate(choice);
  };

  const voted = poll.hasVoted || sent;
  return (
    <section className="m-vote" data-testid="vote-card">
      <h3>表决进行中</h3>
      <div className="m-vote-title">{poll.title}</div>
      <p className="m-vote-note" data-testid="vote-note">
        {NOTE[poll.method]}
      </p>
      {poll.method === 'showOfHands' ? null : !poll.eligible ? (
        <p className="m-vote-note">您在本项表决开始时未签到，不在实到会代表名单中，不能参加本项表决。</p>
      ) : voted ? (
        <div className="m-voted" data-testid="voted">
          ✓ 已投票
        </div>
      ) : (
        <div className="m-vote-buttons">
          <Button color="primary" size="large" block disabled={vote.isPending} onClick={() => choose('yes')}>
            赞成
          </Button>
          <Button color="default" size="large" block disabled={vote.isPending} onClick={() => choose('no')}>
            反对
          </Button>
          <Button color="default" fill="outline" size="large" block disabled={vote.isPending} onClick={() => choose('abstain')}>
            弃权
          </Button>
        </div>
      )}
    </section>
  );
}

export function VoteSection({ mid, polls }: { mid: string; polls: MyPoll[] }) {
  const open = polls.filter((p) => p.status === 'open');
  const closed = polls.filter((p) => p.status === 'closed' && p.result);
  return (
    <>
      {open.map((p) => (
        <VoteCard key={p.id} poll={p} mid={mid} />
      ))}
      {closed.length > 0 && (
        <List header="表决结果" mode="card" className="m-section">
          {closed.map((p) => (
            <List.Item
              key={p.id}
              extra={
                <Tag color={p.result!.passed ? 'success' : 'danger'} fill="solid" style={{ fontSize: 14, padding: '3px 8px' }}>
                  {p.result!.passed ? '通过' : '未通过'}
                </Tag>
              }
              description={`赞成 ${p.result!.yes}，反对 ${p.result!.no}，弃权 ${p.result!.abstain}，未投 ${p.result!.notVoted}`}
            >
              {p.title}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
