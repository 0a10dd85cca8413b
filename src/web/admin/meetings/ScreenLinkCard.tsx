import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { DesktopOutlined, SyncOutlined } from '@ant-design/icons';
import { api } from '../../shared/api.js';
import { mBase, meetingKeys } from './queries.js';

interface ScreenLink {
  url: string;
  token: string;
}

/** 会场大屏: the link the hall PC opens (it carries the meeting's screen token, no login). */
export function ScreenLinkCard({ tid, meetingId }: { tid: string; meetingId: string }) {
  const key = meetingKeys.part(tid, meetingId, 'screen-link');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: key,
    queryFn: () => api.get<ScreenLink>(`${mBase(tid, meetingId)}/screen-link`),
    staleTime: Infinity,
  });
  const rotate = useMutation({
    mutationFn: () => api.post<ScreenLink>(`${mBase(tid, meetingId)}/screen-link/rotate`),
    onSuccess: (link) => {
      qc.setQueryData(key, link);
      message.success('已更换大屏链接，旧链接已失效');
    },
    onError: (e: Error) => message.error(e.message),
  });
  const full = q.data ? `${window.location.origin}${q.data.url}` : '';
  return (
    <Card title="会场大屏" size="small" style={{ marginTop: 16 }} loading={q.isPending}>
      {q.error && <Typography.Text type="danger">{q.error.message}</Typography.Text>}
      {q.data && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">在会场电脑的浏览器中打开此地址并按 F11 全屏。大屏只显示人数和票数，不显示姓名。</Typography.Text>
          <Typography.Paragraph copyable={{ text: full, tooltips: ['复制地址', '已复制'] }} style={{ margin: 0, wordBreak: 'break-all', fontSize: 12 }}>
            {full}
          </Typography.Paragraph>
          <Space wrap>
            <Button icon={<DesktopOutlined />} href={q.data.url} target="_blank" data-testid="open-screen">
              打开大屏
            </Button>
            <Popconfirm
              title="更换大屏链接？"
              description="旧链接立即失效，正在显示的大屏会断开，需用新链接重新打开。"
              onConfirm={() => rotate.mutate()}
            >
              <Button icon={<SyncOutlined />} loading={rotate.isPending}>
                更换大屏链接
              </Button>
            </Popconfirm>
          </Space>
        </Space>
      )}
    </Card>
  );
}
