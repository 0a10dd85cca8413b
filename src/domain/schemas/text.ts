import { z } from 'zod';

// C0/C1 control characters and DEL: a NUL breaks PostgreSQL text, the others are invisible in the
// UI and in printed documents. Only line breaks and tabs survive, and only in multi-line text.
const CONTROL_SINGLE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const NO_CONTROL_MESSAGE = '不能包含控制字符（如空字符）';

/** One line of text a person typed: names, titles, user names. */
export const Text = (message?: string) => z.string(message).refine((s) => !CONTROL_SINGLE.test(s), NO_CONTROL_MESSAGE);

/** Text that may span lines: descriptions, reasons, notes. */
export const MultilineText = (message?: string) => z.string(message).refine((s) => !CONTROL_MULTI.test(s), NO_CONTROL_MESSAGE);
