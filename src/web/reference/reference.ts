/** Reference data that rarely changes: sectors, alliances, today's communes of a province. */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client.ts';
import type { Alliance, Commune, Sector } from '../api/types.ts';

const DAY = 24 * 60 * 60_000;

export function useSectors() {
  return useQuery({ queryKey: ['reference', 'sectors'], queryFn: () => api.get<Sector[]>('/api/reference/sectors'), staleTime: DAY });
}

export function useAlliances() {
  return useQuery({ queryKey: ['reference', 'alliances'], queryFn: () => api.get<Alliance[]>('/api/reference/alliances'), staleTime: DAY });
}

/** Today's communes and wards of an alliance's province (none until the tenant is known). */
export function useCommunes(tenantId: number | null | undefined) {
  return useQuery({
    queryKey: ['reference', 'communes', tenantId],
    queryFn: () => api.get<Commune[]>('/api/reference/communes', { tenant: tenantId }),
    enabled: tenantId !== null && tenantId !== undefined,
    staleTime: DAY,
  });
}

/** Commune name by code, for showing "Xã, phường hiện nay" from a code. */
export function useCommuneNames(tenantId: number | null | undefined): (code: string | null | undefined) => string | null {
  const { data } = useCommunes(tenantId);
  return useMemo(() => {
    const names = new Map((data ?? []).map((c) => [c.code, c.name]));
    return (code) => (code ? (names.get(code) ?? code) : null);
  }, [data]);
}
