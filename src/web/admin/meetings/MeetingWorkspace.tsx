import { lazy, Suspense, type ComponentType } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Breadcrumb, Space, Spin, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { chineseNumeral } from '../../../domain/meeting/name.js';
import { QueryError } from '../common/QueryError.js';
import { useTownship } from '../layout/useTownship.js';
import { MeetingStatusTag } from './labels.js';
import { useMeeting } from './queries.js';
import { useMeetingLive } from './useMeetingLive.js';
import type { TabProps } from './types.js';


function lazyTab(load: () => Promise<Record<string, ComponentType<TabProps>>>, name: string) {
  return lazy(async () => ({ default: (await load())[name]! }));
}

const TABS: { key: string; label: string; C: ComponentType<TabProps> }[] = [
  { key: 'overview', label: '概况', C: lazyTab(() => import('./OverviewTab.js'), 'OverviewTab') },
  { key: 'topics', label: '议题', C: lazyTab(() => import('./TopicsTab.js'), 'TopicsTab') },
  { key: 'notice', label: '通知与回执', C: lazyTab(() => import('./NoticeTab.js'), 'NoticeTab') },
  { key: 'briefings', label: '会前材料', C: lazyTab(() => import('./BriefingsTab.js'), 'BriefingsTab') },
  { key: 'qualification', label: '资格审查', C: lazyTab(() => import('./QualificationTab.js'), 'QualificationTab') },
  { key: 'observers', label: '列席', C: lazyTab(() => import('./ObserversTab.js'), 'ObserversTab') },
  { key: 'agenda', label: '议程', C: lazyTab(() => import('./agenda/AgendaTab.js'), 'AgendaTab') },
  { key: 'console', label: '会场', C: lazyTab(() => import('./console/ConsoleTab.js'), 'ConsoleTab') },
  { key: 'resolutions', label: '决议', C: lazyTab(() => import('./resolutions/ResolutionsTab.js'), 'ResolutionsTab') },
  { key: 'documents', label: '文书', C: lazyTab(() => import('./DocumentsTab.js'), 'DocumentsTab') },
];

/** One meeting, from preparation to follow-up, as tabs; the URL names the tab. */
export function MeetingWorkspace() {
  const { tid, canManage } = useTownship();
  const { mid, tab = 'overview' } = useParams();
  const navigate = useNavigate();
  const q = useMeeting(tid, mid!);
  const live = useMeetingLive(tid, mid!);

  if (q.error) return <QueryError error={q.error} retry={() => q.refetch()} />;
  if (!q.data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const m = q.data;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={`/t/${tid}/meetings`}>年会</Link> }, { title: `第${chineseNumeral(m.sessionNumber)}次会议` }]} />
      <Space align="center" wrap style={{ marginBottom: 4 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-title">
          {m.name}
        </Typography.Title>
        <MeetingStatusTag status={m.status} label={m.statusLabel} />
        {m.status === 'inProgress' && (
          <Typography.Text type={live === 'open' ? 'success' : 'warning'} style={{ fontSize: 12 }}>
            {live === 'open' ? '● 实时连接' : '○ 正在连接实时数据…'}
          </Typography.Text>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {m.startsOn}
        {m.startTime ? ` ${m.startTime}` : ''} · {m.place ?? '地点待定'}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(`/t/${tid}/meetings/${m.id}/${k}`)}
        items={TABS.map(({ key, label, C }) => ({
          key,
          label,
          children:
            key === tab ? (
              <Suspense fallback={<Spin style={{ display: 'block', margin: '40px auto' }} />}>
                <C tid={tid} meeting={m} canManage={canManage} />
              </Suspense>
            ) : null,
        }))}
      />
    </>
  );
}
