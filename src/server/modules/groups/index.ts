/** The groups module's public face. */
export { groupsOfMember, membersOf, removeFromAllGroups, type GroupSummaryRow } from './repository.js';
