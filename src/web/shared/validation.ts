import type { ZodType } from 'zod';
import { checkPasswordStrength } from '../../domain/accounts/password.js';

/** A form-field validator (antd and antd-mobile share the shape) running a shared zod schema. */
export function zodValidator(schema: ZodType) {
  return async (_rule: unknown, value: unknown) => {
    const r = schema.safeParse(value === '' ? undefined : value);
    if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
  };
}

/** The server's password rules, checked before sending so the user sees them at once. */
export function passwordValidator(username = '') {
  return async (_rule: unknown, value: unknown) => {
    if (!value) return;
    const problem = checkPasswordStrength(String(value), username);
    if (problem) throw new Error(problem);
  };
}

/** Field errors from a failed zod parse, keyed by the first path segment. */
export function zodFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: { name: string; errors: string[] }[] = [];
  for (const i of issues) {
    const name = String(i.path[0] ?? '');
    const found = out.find((o) => o.name === name);
    if (found) found.errors.push(i.message);
    else out.push({ name, errors: [i.message] });
  }
  return out;
}
