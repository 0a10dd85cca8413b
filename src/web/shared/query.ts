import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.js';

/** Retries only what may succeed on its own (network, 5xx); a 4xx answer will not change. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
}
