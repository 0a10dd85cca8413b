import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Button, ErrorBlock, TabBar } from 'antd-mobile';
import { Loading } from './Loading.js';
import { useMe } from '../shared/session.js';
import { LoginPage } from './LoginPage.js';
import { ChangePasswordPage } from './ChangePasswordPage.js';
import { Landing } from './Landing.js';
import { GroupPage } from './GroupPage.js';
import { PersonIcon, TeamIcon } from './icons.js';
import { MeetingIcon } from './meetings/icons.js';

// The meeting pages (and the form schemas they share with the server) load when first opened,
// so the login and 我的 pages stay small on a village phone connection.
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
const MeetingsPage = lazyPage(() => import('./meetings/MeetingsPage.js'), 'MeetingsPage');
const CheckInPage = lazyPage(() => import('./meetings/CheckInPage.js'), 'CheckInPage');
const BriefingPage = lazyPage(() => import('./meetings/BriefingPage.js'), 'BriefingPage');

/** Signed in, password changed, and a delegate: everyone else belongs elsewhere. */
function RequireDelegate() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorBlock status="disconnected" title="无法连接服务器" description={me.error.message} fullPage />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (me.data.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (me.data.role !== 'delegate')
    return (
      <ErrorBlock status="default" title="此页面供党代表使用" description={`您的角色是“${me.data.roleName}”，请使用电脑端工作平台。`} fullPage>
        <Button color="primary" size="large" onClick={() => window.location.assign('/')}>
          前往工作平台
        </Button>
      </ErrorBlock>
    );
  return <Outlet />;
}

const TABS = [
  { key: '/meetings', title: '会议', icon: <MeetingIcon /> },
  { key: '/', title: '我的', icon: <PersonIcon /> },
  { key: '/group', title: '小组', icon: <TeamIcon /> },
];

function Shell() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <Outlet />
      <div className="m-tabbar">
        <TabBar activeKey={TABS.find((t) => t.key !== '/' && location.pathname.startsWith(t.key))?.key ?? location.pathname} onChange={(k) => navigate(k)}>
          {TABS.map((t) => (
            <TabBar.Item key={t.key} icon={t.icon} title={t.title} />
          ))}
        </TabBar>
      </div>
    </>
  );
}

export function DelegateRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route element={<RequireDelegate />}>
        <Route element={<Shell />}>
          <Route index element={<Landing />} />
          <Route path="group" element={<GroupPage />} />
          <Route path="meetings" element={<MeetingsPage />} />
          <Route path="meetings/:mid" element={<MeetingsPage />} />
          <Route path="meetings/:mid/checkin" element={<CheckInPage />} />
          <Route path="meetings/:mid/briefings/:bid" element={<BriefingPage />} />
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
