/** The attendance module's public face: a meeting's attendance rows and figures. */
export { attendanceCounts, attendanceRows, deleteAttendance, insertAttendance, presentDelegateIds } from './repository.js';
