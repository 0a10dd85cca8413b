import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_FOREIGN_REPOSITORY_IMPORTS, KNOWN_QUERIES_OUTSIDE_REPOSITORIES } from './known-violations.js';

const root = 'src/server/modules';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const sources = files(root).map((path) => {
  const rel = relative(root, path).split('\\').join('/');
  const text = readFileSync(path, 'utf8');
  const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
  return { rel, module: rel.split('/')[0]!, isRepository: /(^|\/|-)repository[^/]*\.ts$/.test(rel), imports };
});

/** `module/file.ts -> other`: a file reaching into another module's repository. */
function foreignRepositoryImports() {
  return sources.flatMap((f) =>
    f.imports.flatMap((i) => {
      const m = /^\.\.\/([a-z-]+)\/(?:[a-z-]+-)?repository[^/]*\.js$/.exec(i);
      return m && m[1] !== f.module ? [`${f.rel} -> ${m[1]}`] : [];
    }),
  );
}

/** Files that build queries or name tables without being a repository. */
function queriesOutsideRepositories() {
  return sources.filter((f) => !f.isRepository && f.imports.some((i) => i === 'drizzle-orm' || /\/db\/schema(\/|\.js|$)/.test(i))).map((f) => f.rel);
}

describe('module contract', () => {
  // The lists of known exceptions only shrink: a new violation fails, and so does an exception
  // that has been fixed but is still listed (remove it from known-violations.ts).
  it('imports no other module’s repository (use its index.ts)', () => {
    expect(foreignRepositoryImports().sort()).toEqual([...KNOWN_FOREIGN_REPOSITORY_IMPORTS].sort());
  });

  it('builds queries and names tables only in repository files', () => {
    expect(queriesOutsideRepositories().sort()).toEqual([...KNOWN_QUERIES_OUTSIDE_REPOSITORIES].sort());
  });

  it('keeps per-process state in named fields of AppContext, not in module-level registries', () => {
    const registries = files('src/server').filter((path) => /new WeakMap<\s*AppContext/.test(readFileSync(path, 'utf8')));
    expect(registries).toEqual([]);
  });

  it('keeps access below the modules, and no route checks access itself', () => {
    const access = files('src/server/access').filter((path) => /from '\.\.\/modules\//.test(readFileSync(path, 'utf8')));
    expect(access).toEqual([]);
    const selfChecking = sources.filter((f) => f.rel.endsWith('routes.ts') && /townshipScope|forbidden\(/.test(readFileSync(join(root, f.rel), 'utf8')));
    expect(selfChecking.map((f) => f.rel).filter((rel) => rel !== 'backup/routes.ts')).toEqual([]);
  });

  it('sees the modules it checks', () => {
    expect(new Set(sources.map((f) => f.module)).size).toBeGreaterThan(15);
    expect(sources.filter((f) => f.isRepository).length).toBeGreaterThan(15);
  });
});
