import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { List } from 'antd-mobile';
import { api } from '../../shared/api.js';
import { myKeys } from './api.js';

export interface Briefing {
  id: string;
  title: string;
  body: string;
  file: { name: string; type: string | null; size: number | null } | null;
  createdAt: string;
  myComments?: { id: string; body: string; createdAt: string }[];
}

/** 会前材料: the committee's briefings to read before the meeting. */
export function BriefingsSection({ tid, mid }: { tid: string; mid: string }) {
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: myKeys.part(mid, 'briefings'),
    queryFn: () => api.get<{ items: Briefing[] }>(`/api/townships/${tid}/meetings/${mid}/briefings`).then((r) => r.items),
  });
  if (!q.data?.length) return null;
  return (
    <List header="会前材料" mode="card" className="m-section">
      {q.data.map((b) => (
        <List.Item key={b.id} description={b.file ? `附件：${b.file.name}` : undefined} onClick={() => navigate(`/meetings/${mid}/briefings/${b.id}`)}>
          {b.title}
        </List.Item>
      ))}
    </List>
  );
}
