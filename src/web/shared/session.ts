import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, configureSession, setCsrfToken } from './api.js';
import type { SessionAnswer } from '../../domain/schemas/auth.js';
import type { Wire } from '../../domain/schemas/responses.js';
import type { DemoSignIn } from '../../domain/schemas/tenancy.js';
import type { LoginResult, Me } from './types.js';

export const meKey = ['me'] as const;

/**
 * The signed-in user, or null when there is no session; also keeps the CSRF token current. Asks
 * /api/auth/session, which answers 200 either way, so a visitor's console shows no 401.
 */
async function fetchMe(): Promise<Me | null> {
  const { user } = await api.get<Wire<typeof SessionAnswer>>('/api/auth/session', { quiet: true });
  setCsrfToken(user?.csrfToken ?? null);
  return user;
}


/** The demo accounts, when the demo county is loaded (null on a real installation). */
export function useDemoSignIn() {
  return useQuery({
    queryKey: ['demo'],
    queryFn: () => api.get<Wire<typeof DemoSignIn>>('/api/demo', { quiet: true }).then((r) => r.demo),
    staleTime: Infinity,
  });
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Wires the API's 401 / forced-password answers to the session query the apps route on. */
export function bindSession(queryClient: QueryClient) {
  configureSession({
    onUnauthenticated: () => {
      setCsrfToken(null);
      queryClient.setQueryData(meKey, null);
    },
    onPasswordChangeRequired: () => {
      void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => {
      const r = await api.post<LoginResult>('/api/auth/login', body, { quiet: true });
      setCsrfToken(r.csrfToken);
      // A new user: nothing cached for the previous one may show.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      return qc.fetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 0 });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post('/api/auth/logout', {}, { quiet: true });
      } finally {
        setCsrfToken(null);
        qc.clear();
        qc.setQueryData(meKey, null);
      }
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/api/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}
