/** The auth module's public face. */
export { deleteSessionsOfUser } from './repository.js';
