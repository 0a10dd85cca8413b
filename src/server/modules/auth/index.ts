/** What other modules may call of auth: sessions and sign-in limits of an account. */
export { deleteSessionsOfUser } from './repository.js';
export { clearAll as clearSignInFailures, heldNames as signInHeldNames } from './throttle.js';
