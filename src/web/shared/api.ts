/**
 * The one way the web talks to the server: same-origin cookies, JSON, the CSRF header on every
 * change, and errors that carry the server's Chinese message so screens can show it as is.
 */

export interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface SessionHandlers {
  /** The session is gone (401): the app shows its login page. */
  onUnauthenticated: () => void;
  /** The account still has an issued password (403 PASSWORD_CHANGE_REQUIRED). */
  onPasswordChangeRequired: () => void;
}

let csrfToken: string | null = null;
let handlers: SessionHandlers = { onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} };

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function configureSession(h: SessionHandlers) {
  handlers = h;
}

const FALLBACK: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '没有执行此操作的权限',
  404: '资源不存在或无权访问',
  409: '操作冲突',
  413: '上传内容过大',
  429: '请求过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后重试',
  503: '服务器繁忙，请稍后重试',
};

async function toError(res: Response): Promise<ApiError> {
  let body: ApiErrorBody = {};
  try {
    body = (await res.json()) as ApiErrorBody;
  } catch {
    // not JSON (a proxy's error page): fall back to a message by status
  }
  const message = body.error?.message ?? FALLBACK[res.status] ?? `请求失败（${res.status}）`;
  return new ApiError(res.status, body.error?.code ?? 'HTTP_' + res.status, message, body.error?.details);
}

export interface RequestOptions {
  /** Do not call the session handlers on 401/403 (the login form handles its own errors). */
  quiet?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const err = await toError(res);
    if (!opts.quiet && err.status === 401) handlers.onUnauthenticated();
    if (!opts.quiet && err.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(url: string, opts?: RequestOptions) => request<T>('GET', url, undefined, opts),
  post: <T>(url: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', url, body ?? {}, opts),
  put: <T>(url: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', url, body ?? {}, opts),
  delete: <T>(url: string, opts?: RequestOptions) => request<T>('DELETE', url, undefined, opts),
};

/** Query string from an object, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file the server builds (exports, templates) with the session cookie. */
export async function download(url: string, fallbackName: string) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  const name = star ? decodeURIComponent(star[1]!) : plain ? plain[1]! : fallbackName;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
