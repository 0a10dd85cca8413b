import type { Role } from '../../domain/accounts/roles.js';

/** The signed-in user of a request, as the session hook found it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  countyId: string;
  townshipId: string | null;
  delegateId: string | null;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/** A township route's request: who asks, and the township (within their reach) they ask about. */
export interface TownshipScope {
  user: SessionUser;
  township: { id: string; countyId: string; code: string; name: string };
}

/** Who did something: a signed-in user, or the system / command line. */
export interface Actor {
  userId: string | null;
  name: string;
  countyId: string | null;
  townshipId: string | null;
}

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, name: `${user.displayName}（${user.username}）`, countyId: user.countyId, townshipId: user.townshipId };
}
