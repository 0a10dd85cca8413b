import type { FastifyInstance, InjectOptions } from 'fastify';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** A signed-in browser, over `app.inject()`: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  cookie = '';
  /** The device mark a browser keeps after signing in (nh_device). */
  device = '';
  csrf = '';

  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password: string): Promise<ApiResponse> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async request(method: InjectOptions['method'], url: string, body?: unknown, extra: Partial<InjectOptions> = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...(extra.headers as Record<string, string>) };
    const cookies = [this.cookie, this.device].filter(Boolean).join('; ');
    if (cookies) headers.cookie = cookies;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), ...extra, headers });
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      if (pair!.startsWith('nh_sid=')) this.cookie = pair!.endsWith('=') ? '' : pair!;
      if (pair!.startsWith('nh_device=')) this.device = pair!;
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json')) parsed = res.json();
    return { status: res.statusCode, body: parsed as any, headers: res.headers, raw: res.rawPayload };
  }
}
