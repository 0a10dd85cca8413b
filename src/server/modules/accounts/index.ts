/** The accounts module's public face. */
export { insertAccount } from './repository.js';
