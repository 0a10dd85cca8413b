import crypto from 'node:crypto';
import http from 'node:http';
import { verify } from '@node-rs/argon2';

/**
 * The baseline of `meeting-day`: a bare Node server answering the same HTTP pattern as the app
 * (login with an argon2 verification, check-in code, check-in, ballot page, ballot, SSE with
 * progress coalesced to one event per 100 ms) from memory, with no framework, database or
 * rules. Run as its own process (PORT, HASH in the environment), like the real server.
 */
const hash = process.env.HASH!;
const voted = new Set<string>();
const sessions = new Set<string>();
const watchers = new Set<http.ServerResponse>();
let pending: NodeJS.Timeout | null = null;

const json = (res: http.ServerResponse, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const progress = () => {
  pending ??= setTimeout(() => {
    pending = null;
    const frame = `event: poll\ndata: ${JSON.stringify({ voted: voted.size })}\n\n`;
    for (const w of watchers) w.write(frame);
  }, 100);
};

http
  .createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const url = req.url ?? '/';
      if (url === '/login') {
        const { password } = JSON.parse(body) as { password: string };
        if (!(await verify(hash, password))) return json(res, { error: 'bad' });
        const sid = crypto.randomBytes(32).toString('base64url');
        sessions.add(sid);
        return json(res, { csrfToken: crypto.randomBytes(24).toString('base64url') }, { 'set-cookie': `sid=${sid}; HttpOnly` });
      }
      if (url === '/me') {
        if (!sessions.has(/sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '')) return res.writeHead(401).end();
        return json(res, { user: { id: 'u', username: 'd0', displayName: '代表0', role: 'delegate' } });
      }
      if (url === '/code') return json(res, { token: crypto.randomBytes(30).toString('base64url') });
      if (url === '/checkin') return json(res, { ok: true, token: (JSON.parse(body) as { token: string }).token });
      if (url === '/ballot') return json(res, { items: [{ id: 'p', status: 'open', eligible: true, hasVoted: false }] });
      if (url === '/vote') {
        voted.add((JSON.parse(body) as { d: string }).d);
        progress();
        return json(res, { voted: true });
      }
      if (url === '/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(`event: state\ndata: ${JSON.stringify({ voted: voted.size })}\n\n`);
        watchers.add(res);
        req.socket.on('close', () => watchers.delete(res));
        return;
      }
      res.writeHead(404).end();
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
