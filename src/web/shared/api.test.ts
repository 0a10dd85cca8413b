import { afterEach, describe, expect, test, vi } from 'vitest';
import { api, ApiError, configureSession, qs, setCsrfToken } from './api.js';

function answer(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  configureSession({ onUnauthenticated: () => {}, onPasswordChangeRequired: () => {} });
});

describe('the web API client', () => {
  test('a refused request throws the server’s Chinese message with its code and details', async () => {
    vi.stubGlobal('fetch', answer(409, { error: { code: 'CONFLICT', message: '代表张三已在“第一小组”中', details: { delegateId: 'x' } } }));
    const err = await api.post('/api/x', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('代表张三已在“第一小组”中');
    expect((err as ApiError).code).toBe('CONFLICT');
    expect((err as ApiError).details).toEqual({ delegateId: 'x' });
  });

  test('an answer without a JSON body still gives a Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })));
    await expect(api.get('/api/x')).rejects.toThrow('请求失败（502）');
  });

  test('changes carry the CSRF token and the session cookie; reads send no token', async () => {
    const fetch = answer(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok');
    await api.get('/api/a');
    await api.put('/api/b', { n: 1 });
    const [, get] = fetch.mock.calls[0]!;
    const [, put] = fetch.mock.calls[1]!;
    expect((get!.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((put!.headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect(put!.credentials).toBe('same-origin');
    expect(put!.body).toBe('{"n":1}');
  });

  test('a lost session and a required password change reach the app; a quiet request does not', async () => {
    const onUnauthenticated = vi.fn();
    const onPasswordChangeRequired = vi.fn();
    configureSession({ onUnauthenticated, onPasswordChangeRequired });
    vi.stubGlobal('fetch', answer(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    await expect(api.get('/api/a')).rejects.toThrow('请先登录');
    await expect(api.get('/api/a', { quiet: true })).rejects.toThrow('请先登录');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    vi.stubGlobal('fetch', answer(403, { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' } }));
    await expect(api.get('/api/a')).rejects.toThrow('请先修改密码');
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
  });

  test('a network failure says so in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));
    await expect(api.get('/api/a')).rejects.toThrow('无法连接服务器，请检查网络后重试');
  });

  test('query strings leave out empty filters', () => {
    expect(qs({ q: '张三', status: undefined, page: 2, groupId: '' })).toBe('?q=%E5%BC%A0%E4%B8%89&page=2');
    expect(qs({})).toBe('');
  });
});
