/** The terms module's public face: other modules use terms only through these. */
export { createTerm, createTermAs, requireCurrentTerm } from './service.js';
export { findCurrentTerm, findTerm, listTerms, lockTerm, type TermRow } from './repository.js';
