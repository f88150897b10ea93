/** Reading and changing one organisation through the API (cache keys in one place). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Organisation, OrganisationHistory } from '../../api/types.ts';
import type { OrganisationInput, OrganisationPatch } from '../../../shared/organisation.ts';

export const organisationKey = (id: string) => ['organisation', id] as const;

export function useOrganisation(id: string, asOf?: string) {
  return useQuery({
    queryKey: [...organisationKey(id), { asOf }],
    queryFn: () => api.get<Organisation>(`/api/cooperatives/${encodeURIComponent(id)}`, { asOf }),
  });
}

export function useOrganisationHistory(id: string) {
  return useQuery({
    queryKey: [...organisationKey(id), 'history'],
    queryFn: () => api.get<OrganisationHistory>(`/api/cooperatives/${encodeURIComponent(id)}/history`),
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationInput) => api.post<Organisation>('/api/cooperatives', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrganisationPatch) => api.patch<Organisation>(`/api/cooperatives/${encodeURIComponent(id)}`, patch),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organisationKey(id) });
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
}
