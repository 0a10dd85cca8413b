import { z } from 'zod';

type Json = { [k: string]: any };

/** Strings that satisfy the patterns our schemas use (dates, times, phones, names, ids). */
const CANDIDATES = ['2026-12-01', '09:00', '13900000001', '2026-12', 'user_01', 'abc', '110101199003071234', 'x'];
const UUID = '00000000-0000-4000-8000-000000000002';

function fromJson(s: Json, root: Json): unknown {
  if (s.$ref) return fromJson(root.$defs?.[String(s.$ref).split('/').pop()!] ?? {}, root);
  if ('const' in s) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  const union = s.anyOf ?? s.oneOf;
  if (union) return fromJson(union.find((o: Json) => o.type !== 'null') ?? union[0], root);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((o: Json) => fromJson(o, root)));
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries<Json>(s.properties ?? {})) if ((s.required ?? []).includes(k)) out[k] = fromJson(v, root);
      return out;
    }
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, (_, i) => {
        const v = fromJson(s.items ?? {}, root);
        return typeof v === 'string' && s.uniqueItems !== false ? `${v}${i || ''}` : v;
      });
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : Math.min(1, s.maximum ?? 1));
    case 'boolean':
      return true;
    case 'string': {
      if (s.format === 'uuid') return UUID;
      if (s.format === 'date') return '2026-12-01';
      if (s.format === 'date-time') return '2026-12-01T09:00:00.000Z';
      if (s.format === 'email') return 'a@example.cn';
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const hit = CANDIDATES.find((c) => re.test(c));
        if (hit) return hit;
      }
      const min = s.minLength ?? 1;
      return '测'.repeat(Math.max(min, 1));
    }
    default:
      return null;
  }
}

/**
 * A body the route's zod schema accepts, built from its JSON Schema, or from `override` when
 * given; undefined when neither passes (the caller reports the route).
 */
export function validBody(schema: unknown, override?: unknown): unknown {
  const zod = schema as z.ZodType;
  const json = z.toJSONSchema(zod, { io: 'input', unrepresentable: 'any' }) as Json;
  const value = override ?? fromJson(json, json);
  return zod.safeParse(value).success ? value : undefined;
}
