/** The topics module's public face. */
export { topicCountsByStatus } from './repository.js';
