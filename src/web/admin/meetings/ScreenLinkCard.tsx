import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import { api } from '../../shared/api.js';
import { mBase, meetingKeys } from './queries.js';

/** 会场大屏: the link the hall PC opens (it carries the meeting's screen token, no login). */
export function ScreenLinkCard({ tid, meetingId }: { tid: string; meetingId: string }) {
  const q = useQuery({
    queryKey: meetingKeys.part(tid, meetingId, 'screen-link'),
    queryFn: () => api.get<{ url: string; token: string }>(`${mBase(tid, meetingId)}/screen-link`),
    staleTime: Infinity,
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
          <Button icon={<DesktopOutlined />} href={q.data.url} target="_blank" data-testid="open-screen">
            打开大屏
          </Button>
        </Space>
      )}
    </Card>
  );
}
