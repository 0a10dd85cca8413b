import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { Button, ErrorBlock, List, NavBar, TextArea, Toast } from 'antd-mobile';
import { CommentBody } from '../../../domain/schemas/meetings.js';
import { api, download } from '../../shared/api.js';
import { useMe } from '../../shared/session.js';
import { Loading } from '../Loading.js';
import { myKeys } from './api.js';
import type { Briefing } from './BriefingsSection.js';
import './meetings.css';

/** One briefing to read, its attachment, and the delegate's opinion on it. */
export function BriefingPage() {
  const { mid, bid } = useParams();
  const navigate = useNavigate();
  const tid = useMe().data!.townshipId!;
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const url = `/api/townships/${tid}/briefings/${bid}`;
  const q = useQuery({ queryKey: myKeys.part(mid!, `briefing-${bid}`), queryFn: () => api.get<Briefing>(url) });
  const send = useMutation({
    mutationFn: (body: unknown) => api.post(`${url}/comments`, body),
    onSuccess: async () => {
      setText('');
      Toast.show({ icon: 'success', content: '意见已提交' });
      await qc.invalidateQueries({ queryKey: myKeys.part(mid!, `briefing-${bid}`) });
    },
    onError: (e) => Toast.show({ icon: 'fail', content: e.message }),
  });
  const submit = () => {
    const parsed = CommentBody.safeParse({ body: text });
    if (!parsed.success) {
      Toast.show({ content: parsed.error.issues[0]!.message });
      return;
    }
    send.mutate(parsed.data);
  };

  return (
    <div className="m-page">
      <NavBar onBack={() => navigate(-1)}>会前材料</NavBar>
      {q.isPending && <Loading />}
      {q.error && <ErrorBlock status="default" title="加载失败" description={q.error.message} />}
      {q.data && (
        <>
          <article className="m-section" style={{ background: '#fff', borderRadius: 8, padding: 16 }}>
            <h2 style={{ fontSize: 19, margin: '0 0 12px', lineHeight: 1.4 }}>{q.data.title}</h2>
            <div style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.8, color: '#222' }}>{q.data.body}</div>
            {q.data.file && (
              <Button
                block
                style={{ marginTop: 16 }}
                onClick={() => download(`${url}/file`, q.data.file!.name).catch((e: Error) => void Toast.show({ content: e.message }))}
              >
                下载附件：{q.data.file.name}
              </Button>
            )}
          </article>
          {!!q.data.myComments?.length && (
            <List header="我提出的意见" mode="card" className="m-section">
              {q.data.myComments.map((c) => (
                <List.Item key={c.id} description={new Date(c.createdAt).toLocaleString('zh-CN')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>
                </List.Item>
              ))}
            </List>
          )}
          <div className="m-section" style={{ background: '#fff', borderRadius: 8, padding: 12 }}>
            <TextArea placeholder="对这份材料的意见和建议" rows={4} maxLength={2000} showCount value={text} onChange={setText} />
            <Button block color="primary" size="large" style={{ marginTop: 8 }} loading={send.isPending} disabled={!text.trim()} onClick={submit}>
              提交意见
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
