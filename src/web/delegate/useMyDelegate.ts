import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api.js';
import type { MyDelegate } from '../shared/types.js';

export function useMyDelegate() {
  return useQuery({ queryKey: ['me', 'delegate'], queryFn: () => api.get<MyDelegate>('/api/me/delegate') });
}
