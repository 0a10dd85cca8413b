import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Spin } from 'antd';
import { LoginPage } from './auth/LoginPage.js';
import { ChangePasswordPage } from './auth/ChangePasswordPage.js';
import { RequireSession } from './auth/RequireSession.js';
import { AppLayout } from './layout/AppLayout.js';
import { HomeRedirect, NotFoundPage } from './layout/HomeRedirect.js';

/** Each screen is its own chunk: the login page loads without the tables and forms. */
function lazyScreen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const S = {
  overview: lazyScreen(() => import('./county/OverviewPage.js'), 'OverviewPage'),
  countyAccounts: lazyScreen(() => import('./accounts/CountyAccountsPage.js'), 'CountyAccountsPage'),
  countyAudit: lazyScreen(() => import('./audit/AuditPage.js'), 'CountyAuditPage'),
  roster: lazyScreen(() => import('./roster/RosterPage.js'), 'RosterPage'),
  delegateEdit: lazyScreen(() => import('./roster/DelegateEditPage.js'), 'DelegateEditPage'),
  delegate: lazyScreen(() => import('./roster/DelegatePage.js'), 'DelegatePage'),
  importRoster: lazyScreen(() => import('./roster/ImportPage.js'), 'ImportPage'),
  vacancies: lazyScreen(() => import('./roster/VacanciesPage.js'), 'VacanciesPage'),
  groups: lazyScreen(() => import('./groups/GroupsPage.js'), 'GroupsPage'),
  groupEdit: lazyScreen(() => import('./groups/GroupEditPage.js'), 'GroupEditPage'),
  terms: lazyScreen(() => import('./terms/TermsPage.js'), 'TermsPage'),
  accounts: lazyScreen(() => import('./accounts/AccountsPage.js'), 'AccountsPage'),
  audit: lazyScreen(() => import('./audit/AuditPage.js'), 'TownshipAuditPage'),
  meetings: lazyScreen(() => import('./meetings/MeetingsPage.js'), 'MeetingsPage'),
  meeting: lazyScreen(() => import('./meetings/MeetingWorkspace.js'), 'MeetingWorkspace'),
  meetingRules: lazyScreen(() => import('./meetings/RulesPage.js'), 'RulesPage'),
  publicMeeting: lazyScreen(() => import('./meetings/PublicApplyPage.js'), 'PublicApplyPage'),
  calendar: lazyScreen(() => import('./calendar/CalendarPage.js'), 'CalendarPage'),
};

function Screen({ c: C }: { c: LazyExoticComponent<ComponentType> }) {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <C />
    </Suspense>
  );
}

export function AdminRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/change-password" element={<ChangePasswordPage />} />
      <Route path="/public/meetings/:mid" element={<Screen c={S.publicMeeting} />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomeRedirect />} />
          <Route path="county" element={<Screen c={S.overview} />} />
          <Route path="county/accounts" element={<Screen c={S.countyAccounts} />} />
          <Route path="county/audit" element={<Screen c={S.countyAudit} />} />
          <Route path="calendar" element={<Screen c={S.calendar} />} />
          <Route path="t/:tid">
            <Route index element={<Navigate to="roster" replace />} />
            <Route path="roster" element={<Screen c={S.roster} />} />
            <Route path="roster/new" element={<Screen c={S.delegateEdit} />} />
            <Route path="import" element={<Screen c={S.importRoster} />} />
            <Route path="delegates/:id" element={<Screen c={S.delegate} />} />
            <Route path="delegates/:id/edit" element={<Screen c={S.delegateEdit} />} />
            <Route path="groups" element={<Screen c={S.groups} />} />
            <Route path="groups/new" element={<Screen c={S.groupEdit} />} />
            <Route path="groups/:gid" element={<Screen c={S.groupEdit} />} />
            <Route path="terms" element={<Screen c={S.terms} />} />
            <Route path="vacancies" element={<Screen c={S.vacancies} />} />
            <Route path="accounts" element={<Screen c={S.accounts} />} />
            <Route path="audit" element={<Screen c={S.audit} />} />
            <Route path="meetings" element={<Screen c={S.meetings} />} />
            <Route path="meetings/:mid/:tab?" element={<Screen c={S.meeting} />} />
            <Route path="meeting-rules" element={<Screen c={S.meetingRules} />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
