import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/openapi-document.js';

type Operation = { operationId?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

describe('the OpenAPI document', () => {
  let operations: { key: string; op: Operation }[] = [];
  let paths: string[] = [];
  beforeAll(async () => {
    const doc = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    paths = Object.keys(doc.paths);
    operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })));
  });

  it('does not list the web pages’ catch-all as an API operation', () => {
    expect(paths.filter((p) => !p.startsWith('/api/'))).toEqual([]);
  });

  it('names every operation with a unique operationId derived from its route', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.find((o) => o.key === 'GET /api/townships/{townshipId}/delegates/{delegateId}')?.op.operationId).toBe('getTownshipsByTownshipIdDelegatesByDelegateId');
  });

  it('describes the one error shape as every operation’s 4xx answer', () => {
    const missing = operations.filter((o) => {
      const schema = o.op.responses?.['4XX']?.content?.['application/json']?.schema as { properties?: { error?: { properties?: object } } } | undefined;
      return !schema?.properties?.error?.properties || !('message' in schema.properties.error.properties);
    });
    expect(missing.map((o) => o.key)).toEqual([]);
  });
});
