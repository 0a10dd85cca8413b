/** The meetings module's public face: other modules reach meetings only through these. */
export { findMeeting, findMeetingForScreen, lockMeetingShared, updateMeeting, earlierMeetingsOfTerm, type MeetingRow } from './repository.js';
export { deadlinesFor, lockMeetingOr404, requireMeeting } from './lookup.js';
export { syncAttendance } from './attendance-sync.js';
