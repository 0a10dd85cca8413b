/** The accounts module's public face: other modules and the command line use accounts only through these. */
export { insertAccount } from './repository.js';
export { createAccountAs, toSummary, type OperatorAccount } from './service.js';
