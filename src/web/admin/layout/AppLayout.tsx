import { useEffect, useMemo } from 'react';
import { Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { Alert, Avatar, Dropdown, Layout, Menu, Select, Space, Typography, type MenuProps } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FlagOutlined,
  KeyOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useLogout, useMe } from '../../shared/session.js';
import { defaultTownship, permissionsOf, rememberTownship } from './useTownship.js';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const me = useMe().data!;
  const p = permissionsOf(me);
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const match = useMatch('/t/:tid/*');
  const urlTid = match?.params.tid;
  const current = me.townships.find((t) => t.id === urlTid) ?? defaultTownship(me);
  const tid = current?.id;

  useEffect(() => {
    if (urlTid && p.isCounty) rememberTownship(urlTid);
  }, [urlTid, p.isCounty]);

  const items = useMemo<MenuProps['items']>(() => {
    const list: NonNullable<MenuProps['items']> = [];
    if (p.isCounty) list.push({ key: '/county', icon: <BarChartOutlined />, label: '全县概览' });
    if (tid && p.canReadRoster) {
      list.push(
        { key: `/t/${tid}/roster`, icon: <SolutionOutlined />, label: '代表名册' },
        { key: `/t/${tid}/groups`, icon: <TeamOutlined />, label: '代表小组' },
        { key: `/t/${tid}/terms`, icon: <CalendarOutlined />, label: '届次' },
        { key: `/t/${tid}/vacancies`, icon: <WarningOutlined />, label: '缺额与补选提示' },
      );
      list.push({ key: `/t/${tid}/meetings`, icon: <FlagOutlined />, label: '年会' });
      if (p.canManage) list.push({ key: `/t/${tid}/meeting-rules`, icon: <SettingOutlined />, label: '会议规则' });
    }
    // The holiday arrangement is national: one page outside any township.
    if (p.canReadRoster) list.push({ key: '/calendar', icon: <ScheduleOutlined />, label: '工作日历' });
    if (p.isCounty) {
      list.push(
        { key: '/county/accounts', icon: <UserSwitchOutlined />, label: '账户管理' },
        { key: '/county/audit', icon: <AuditOutlined />, label: '审计日志' },
      );
    } else if (tid && p.canManage) {
      list.push(
        { key: `/t/${tid}/accounts`, icon: <UserSwitchOutlined />, label: '账户管理' },
        { key: `/t/${tid}/audit`, icon: <AuditOutlined />, label: '审计日志' },
      );
    }
    return list;
  }, [tid, p.isCounty, p.canManage, p.canReadRoster]);

  // The longest menu path that the current location starts with (a delegate page is under 名册).
  const selected = useMemo(() => {
    const path = location.pathname
      .replace(/\/delegates\/.*/, '/roster')
      .replace(/\/import$/, '/roster')
      .replace(/\/roster\/new$/, '/roster')
      .replace(/\/groups\/.+/, '/groups');
    const keys = (items ?? []).map((i) => String(i?.key ?? ''));
    return keys.filter((k) => path === k || path.startsWith(k + '/')).sort((a, b) => b.length - a.length)[0] ?? '';
  }, [location.pathname, items]);

  const switchTownship = (id: string) => {
    rememberTownship(id);
    const sub = urlTid ? location.pathname.split('/')[3] : undefined;
    const keep = sub && ['roster', 'groups', 'terms', 'vacancies'].includes(sub) ? sub : 'roster';
    navigate(`/t/${id}/${keep}`);
  };

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/change-password');
    if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  const isDemo = current?.isDemo ?? me.townships.some((t) => t.isDemo);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 16px 0 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
          <Typography.Text strong style={{ fontSize: 18, color: '#c8161d', flexShrink: 0 }}>
            年会
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ marginLeft: 8, fontSize: 12 }}>
            党代会年会制工作平台
          </Typography.Text>
        </div>
        <Menu mode="inline" items={items} selectedKeys={[selected]} onClick={({ key }) => navigate(key)} style={{ borderInlineEnd: 0 }} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space size="middle">
            {current && <Typography.Text type="secondary">{current.countyName}</Typography.Text>}
            {p.isCounty ? (
              <Select
                aria-label="切换乡镇"
                style={{ width: 200 }}
                placeholder="选择乡镇"
                value={urlTid}
                onChange={switchTownship}
                showSearch={{ optionFilterProp: 'label' }}
                options={me.townships.map((t) => ({ value: t.id, label: t.name }))}
              />
            ) : (
              <Typography.Text strong>{current?.name}</Typography.Text>
            )}
          </Space>
          <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} placement="bottomRight">
            <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#c8161d' }} />
              <span>{me.displayName}</span>
              <Typography.Text type="secondary">{me.roleName}</Typography.Text>
            </Space>
          </Dropdown>
        </Header>
        {isDemo && (
          <Alert
            type="warning"
            banner
            showIcon
            title="演示数据：当前为演示县的虚构数据，仅供体验和培训，请勿录入真实的党代表信息。"
          />
        )}
        <Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
