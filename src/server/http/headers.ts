import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * Browser-side defences for every page and API answer. Scripts only from our own origin (the
 * built bundles carry no inline script); antd writes inline styles, so styles may be inline.
 * No referrer ever leaves: the hall-screen link carries its token in the URL.
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Township halls often run the server over plain HTTP on the LAN; HSTS would lock them out.
    strictTransportSecurity: false,
  });
  // API answers carry personal data (rosters, votes, sessions): no browser or proxy may keep them.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}

/** The hall-screen token travels in the query string of these URLs; it must never reach a log. */
const SECRET_QUERY = /^(\/screen|\/api\/screen)(\/|\?|$)/;

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  if (SECRET_QUERY.test(url)) return `${url.slice(0, q)}?[已隐去]`;
  return url.replace(/([?&](?:token|password)=)[^&]*/gi, '$1[已隐去]');
}

export const requestLogSerializers = {
  req(req: FastifyRequest) {
    return { method: req.method, url: redactUrl(req.url), remoteAddress: req.ip };
  },
};
