/** The largest file an upload may carry (a roster workbook, a briefing document). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
