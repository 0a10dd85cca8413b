import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../domain/schemas/errors.js';

/**
 * The OpenAPI side of the routes: a stable operationId derived from method and path, and the one
 * error shape declared as every route's 4xx answer (so errors are serialised with it too).
 */

const pascal = (s: string) => s.replace(/(^|[-_.])([a-z0-9])/gi, (_, __, c: string) => c.toUpperCase());

/** `GET /api/townships/:townshipId/delegates/:delegateId` → `getTownshipsByTownshipIdDelegatesByDelegateId`. */
export function operationIdOf(method: string, url: string): string {
  const parts = url
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith(':') ? `By${pascal(seg.slice(1))}` : pascal(seg)));
  return method.toLowerCase() + (parts.join('') || 'Root');
}

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

export function openApiTransform(args: TransformArgs) {
  const out = jsonSchemaTransform(args);
  const method = [args.route.method].flat()[0]!;
  if (!out.schema || (out.schema as { hide?: boolean }).hide) return out;
  return { ...out, schema: { ...out.schema, operationId: operationIdOf(method, out.url) } };
}

/** Declares the error shape as the 4xx answer of every API route that does not declare its own. */
export function registerErrorResponses(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || (route.schema as { hide?: boolean } | undefined)?.hide) return;
    const response = (route.schema?.response ?? {}) as Record<string, unknown>;
    route.schema = { ...route.schema, response: { '4xx': ErrorResponse, ...response } };
  });
}
