import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.js';
import type { ElectoralUnit, GroupSummary, RosterOptions } from '../../shared/types.js';

/** Keys under one township prefix, so a change there can refresh all of its lists at once. */
export const keys = {
  township: (tid: string) => ['t', tid] as const,
  delegates: (tid: string, params?: unknown) => ['t', tid, 'delegates', params ?? {}] as const,
  delegate: (tid: string, id: string) => ['t', tid, 'delegate', id] as const,
  options: (tid: string) => ['t', tid, 'roster-options'] as const,
  units: (tid: string) => ['t', tid, 'electoral-units'] as const,
  groups: (tid: string) => ['t', tid, 'groups'] as const,
  group: (tid: string, gid: string) => ['t', tid, 'group', gid] as const,
  terms: (tid: string) => ['t', tid, 'terms'] as const,
  vacancies: (tid: string) => ['t', tid, 'vacancies'] as const,
  accounts: (tid: string) => ['t', tid, 'accounts'] as const,
};

export const base = (tid: string) => `/api/townships/${tid}`;

export function useRosterOptions(tid: string) {
  return useQuery({
    queryKey: keys.options(tid),
    queryFn: () => api.get<RosterOptions>(`${base(tid)}/roster/options`),
    staleTime: 5 * 60_000,
  });
}

export function useElectoralUnits(tid: string) {
  return useQuery({
    queryKey: keys.units(tid),
    queryFn: () => api.get<{ items: ElectoralUnit[] }>(`${base(tid)}/electoral-units`).then((r) => r.items),
  });
}

export function useGroups(tid: string) {
  return useQuery({
    queryKey: keys.groups(tid),
    queryFn: () => api.get<{ items: GroupSummary[] }>(`${base(tid)}/groups`).then((r) => r.items),
  });
}
