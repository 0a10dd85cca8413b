/** The polls module's public face. */
export { lockPoll, type PollRow } from './repository.js';
