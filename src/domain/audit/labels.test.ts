import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, actionLabel, isAuditAction } from './labels.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit action labels', () => {
  it('names every action id that server code writes', () => {
    // The type of writeAudit already refuses unknown ids; this also catches ids built at run time
    // from a literal family (e.g. a ternary) being written around the type with a cast.
    const written = new Set<string>();
    for (const file of sources('src/server')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/action: (?:[^'\n]*\? )?'([a-zA-Z]+\.[a-zA-Z]+)'(?: : '([a-zA-Z]+\.[a-zA-Z]+)')?/g)) {
        written.add(m[1]!);
        if (m[2]) written.add(m[2]);
      }
    }
    expect(written.size).toBeGreaterThan(50);
    expect([...written].filter((a) => !isAuditAction(a))).toEqual([]);
  });

  it('gives each a Chinese label and lists each once for the filter', () => {
    for (const [id, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, id).toMatch(/^[\u4e00-\u9fff（）、]+$/);
      expect(actionLabel(id)).toBe(label);
    }
    expect(AUDIT_ACTIONS.map((a) => a.id)).toEqual(Object.keys(AUDIT_ACTION_LABELS));
    expect(actionLabel('retired.action')).toBe('retired.action');
  });
});
