import { PERSONAL_DATA_VIEWERS, ROLE_IDS, ROSTER_READERS, TOWNSHIP_MANAGERS, type Role } from '../../../domain/accounts/roles.js';

/** Who may do what with a township's roster and groups; routes declare these as their access. */
export const ROSTER_POLICY = {
  read: ROSTER_READERS,
  write: TOWNSHIP_MANAGERS,
  /** Unmasked phone and ID number; every such view is audited. */
  personal: PERSONAL_DATA_VIEWERS,
  /** The choices of the roster forms (categories, educations …) hold no personal data. */
  options: ROLE_IDS,
} as const satisfies Record<string, readonly Role[]>;

export const GROUP_POLICY = {
  read: ROSTER_READERS,
  write: TOWNSHIP_MANAGERS,
} as const satisfies Record<string, readonly Role[]>;
