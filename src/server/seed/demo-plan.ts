/**
 * What the demo installation holds: a fictitious county of three townships with a current
 * term each, and the few status changes that give the roster its history and vacancies.
 */
import type { Role } from '../../domain/accounts/roles.js';
import type { StatusReason } from '../../domain/roster/status.js';

export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_COUNTY = '演示县（演示数据）';
export const DEMO_COUNTY_ADMIN = 'county';
/** Delegates a township: the last one fills, by by-election, the seat of a delegate who died. */
export const DEMO_DELEGATES = 100;

export interface DemoTownship {
  code: string;
  name: string;
  termNumber: number;
  seed: number;
  regionCode: string;
  villages: string[];
}

export const DEMO_TOWNSHIPS: DemoTownship[] = [
  { code: 'QS', name: '青山镇', termNumber: 15, seed: 202601, regionCode: '411521', villages: ['石桥', '新河', '柳林', '枣园', '红旗', '东岗', '杏花', '南湾'] },
  { code: 'BS', name: '白沙乡', termNumber: 13, seed: 202602, regionCode: '411521', villages: ['白沙', '沙岗', '芦庄', '王湾', '河口', '双庙', '大堰', '陈楼'] },
  { code: 'HX', name: '河西镇', termNumber: 16, seed: 202603, regionCode: '411521', villages: ['河西', '李寨', '高桥', '马庄', '前营', '后营', '新集', '杨湾'] },
];

export const CURRENT_TERM = { startsOn: '2024-01-01', endsOn: '2028-12-31' };
export const PREVIOUS_TERM = { startsOn: '2019-01-01', endsOn: '2023-12-31' };

/** One account a role a township: `<code>-<suffix>`, e.g. qs-admin. */
export const DEMO_STAFF: { role: Exclude<Role, 'countyAdmin' | 'delegate'>; suffix: string; title: string }[] = [
  { role: 'townshipAdmin', suffix: 'admin', title: '党委组织委员' },
  { role: 'committeeMember', suffix: 'committee', title: '党委委员' },
  { role: 'reviewer', suffix: 'reviewer', title: '提案审查小组成员' },
  { role: 'handlingUnit', suffix: 'unit', title: '农业农村办公室' },
  { role: 'scrutineer', suffix: 'scrutineer', title: '监票人' },
  { role: 'teller', suffix: 'teller', title: '计票人' },
  { role: 'observer', suffix: 'observer', title: '纪委委员（列席）' },
];

export const delegateUsername = (code: string, index: number) => `${code.toLowerCase()}-d${String(index + 1).padStart(3, '0')}`;

/** The demo accounts as the login pages list them (README.md has the full table). */
export const DEMO_SIGN_IN = {
  password: DEMO_PASSWORD,
  accounts: [
    { role: '县委组织部', usernames: DEMO_COUNTY_ADMIN },
    { role: '乡镇党委组织委员', usernames: DEMO_TOWNSHIPS.map((t) => `${t.code.toLowerCase()}-admin`).join('、') },
    { role: '党代表（手机页面）', usernames: `${delegateUsername('QS', 0)} 至 ${delegateUsername('QS', DEMO_DELEGATES - 1)}` },
  ],
};

export interface DemoStatusStep {
  reason: StatusReason;
  on: string;
  note: string;
  filedWithCountyOn: string | null;
}

/** Status histories given to six delegates of each township (chosen by the township's seed). */
export const STATUS_PLAN: { steps: DemoStatusStep[]; byElectionOn?: string }[] = [
  { steps: [{ reason: 'membershipMovedOut', on: '2025-03-12', note: '党员组织关系转至外县', filedWithCountyOn: '2025-03-20' }] },
  { steps: [{ reason: 'transferredOut', on: '2025-08-20', note: '调任县直单位工作', filedWithCountyOn: null }] },
  {
    steps: [
      { reason: 'transferredOut', on: '2024-09-05', note: '借调市直单位工作', filedWithCountyOn: '2024-09-12' },
      { reason: 'reinstated', on: '2025-06-30', note: '借调期满回原单位工作', filedWithCountyOn: '2025-07-08' },
    ],
  },
  { steps: [{ reason: 'resignationAccepted', on: '2024-11-15', note: '本人因健康原因申请辞去代表职务，党委会议同意', filedWithCountyOn: '2024-11-25' }] },
  { steps: [{ reason: 'sanction', on: '2025-10-09', note: '受留党察看一年处分', filedWithCountyOn: '2025-10-16' }] },
  { steps: [{ reason: 'death', on: '2025-01-22', note: '因病去世', filedWithCountyOn: '2025-02-10' }], byElectionOn: '2025-04-18' },
];
