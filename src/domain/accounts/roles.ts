/** Roles from DOMAIN.md "Who uses it"; identifiers in code, Chinese in the UI. */
export const ROLES = {
  countyAdmin: '县委组织部',
  townshipAdmin: '乡镇党委组织委员',
  committeeMember: '乡镇党委委员',
  reviewer: '提案审查小组成员',
  handlingUnit: '承办单位',
  delegate: '党代表',
  scrutineer: '监票人',
  teller: '计票人',
  observer: '列席人员',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as Role[];

export const isCountyRole = (role: Role) => role === 'countyAdmin';

/** Township staff who may read the whole roster of their township. */
export const ROSTER_READERS: readonly Role[] = ['countyAdmin', 'townshipAdmin', 'committeeMember', 'reviewer'];
/** Who may change the roster, groups, terms and accounts of a township. */
export const TOWNSHIP_MANAGERS: readonly Role[] = ['townshipAdmin'];
/** Who may see unmasked ID and phone numbers (each unmasked view is audited). */
export const PERSONAL_DATA_VIEWERS: readonly Role[] = ['townshipAdmin'];
