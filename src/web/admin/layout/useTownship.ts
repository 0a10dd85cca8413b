import { useParams } from 'react-router';
import { useMe } from '../../shared/session.js';
import type { Me, TownshipRef } from '../../shared/types.js';

const LAST_KEY = 'nianhui.lastTownship';

/** What the signed-in user may do; the server enforces the same rules. */
export function permissionsOf(me: Me) {
  return {
    isCounty: me.role === 'countyAdmin',
    canManage: me.role === 'townshipAdmin',
    canReadRoster: ['countyAdmin', 'townshipAdmin', 'committeeMember', 'reviewer'].includes(me.role),
    canSeePersonal: me.role === 'townshipAdmin',
  };
}

export function rememberTownship(id: string) {
  try {
    localStorage.setItem(LAST_KEY, id);
  } catch {
    // private mode: the switcher simply forgets
  }
}

/** The township a county user last looked at, or the user's own township. */
export function defaultTownship(me: Me): TownshipRef | undefined {
  if (me.townshipId) return me.townships.find((t) => t.id === me.townshipId) ?? me.townships[0];
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_KEY);
  } catch {
    last = null;
  }
  return me.townships.find((t) => t.id === last) ?? me.townships[0];
}

/** The township of the current page (the `:tid` in the URL) with the user's rights there. */
export function useTownship() {
  const { tid } = useParams();
  const me = useMe().data!;
  const township = me.townships.find((t) => t.id === tid);
  return { tid: tid!, township, me, ...permissionsOf(me) };
}
