import { z } from 'zod';

/**
 * The building blocks of response schemas. A response schema describes what the API sends:
 * Fastify serialises with it (a field it does not declare is not sent) and the OpenAPI document
 * shows it; the web reads the same schemas through `Wire<…>`.
 */

/** A point in time: the server hands a Date (or its ISO text), the wire carries ISO 8601 text. */
export const Timestamp = z
  .custom<Date | string>((v) => v instanceof Date || typeof v === 'string', '时间格式不正确')
  .meta({ type: 'string', format: 'date-time' } as Record<string, unknown>);

/** A calendar date as text, `YYYY-MM-DD`. */
export const DateText = z.string().meta({ format: 'date' } as Record<string, unknown>);

/** One page of a list. */
export const Paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A list without pages. */
export const Items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const Ok = z.object({ ok: z.boolean() });

/** What JSON makes of a value: dates become ISO text, everything else stays as it is. */
export type Json<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Json<U>[]
    : T extends readonly (infer U)[]
      ? readonly Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

/** The type a client receives for a response schema. */
export type Wire<S extends z.ZodType> = Json<z.output<S>>;

/** A file the answer carries as its body (a .docx or .xlsx download); serialisation leaves it alone. */
export const FileDownload = (mime: string, description: string) => ({
  description,
  content: { [mime]: { schema: z.string().meta({ format: 'binary' } as Record<string, unknown>) } },
});
/** A Server-Sent Events stream: the answer is held open and carries `event:`/`data:` lines. */
export const EventStream = (description: string) => ({
  description,
  content: { 'text/event-stream': { schema: z.string() } },
});
/** An answer without a body (204). */
export const NoContent = z.null().describe('已删除，无内容');
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
