/** The observers module's public face. */
export { observerCountsByStatus } from './repository.js';
