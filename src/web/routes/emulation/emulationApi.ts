/** The emulation API as the staff pages use it (decision 010): blocks, pacts, results, the scoreboard. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type Member = { id: string; name: string; registrationNumber: string | null };
export type PactSummary = { id: string; title: string; state: string; signedOn: string | null; scoreboardPublished: boolean } | null;
export type BlockItem = { id: string; year: number; name: string; members: number; headName: string | null; deputyName: string | null; pact: PactSummary };
export type Block = { id: string; year: number; name: string; headOrganisationId: string | null; deputyOrganisationId: string | null; members: Member[]; pact: PactSummary; can: { edit: boolean; createPact: boolean } };
export type Rule = { below: 'proportional' | 'zero' | 'penalty'; step: string; bonusPerStep: string; penaltyPerStep: string };
export type Criterion = { id?: string; position?: number; name: string; unit: string; target: string; points: number; maxPoints: number; direction: 'higher_better' | 'lower_better'; rule: Rule; ruleText?: string };
export type Pact = {
  id: string;
  year: number;
  title: string;
  state: string;
  stateText: string;
  signedOn: string | null;
  reviewMinutes: string | null;
  scoreboardPublishedAt: string | null;
  block: { id: string; name: string; year: number; headName: string | null; deputyName: string | null };
  members: Member[];
  criteria: Array<Criterion & { id: string; position: number; ruleText: string }>;
  can: { edit: boolean; sign: boolean; close: boolean; publish: boolean; report: boolean; seeScoreboard: boolean };
};
export type EvidenceFile = { id: string; fileName: string; contentType: string; sizeBytes: number };
export type Results = {
  pactId: string;
  state: string;
  criteria: Array<{ id: string; position: number; name: string; unit: string; target: string }>;
  organisations: Array<{ id: string; name: string; results: Array<{ criterionId: string; value: string | null; note: string | null; source: string | null; files: EvidenceFile[] }> }>;
  can: { report: boolean };
};
export type Scoreboard = {
  pact: { id: string; title: string; year: number; state: string; stateText: string; signedOn: string | null; scoreboardPublishedAt: string | null };
  block: { name: string; headName: string | null; deputyName: string | null };
  criteria: Array<{ id: string; position: number; name: string; unit: string; target: string; points: number; maxPoints: number; ruleText: string }>;
  maxTotal: number;
  rows: Array<{ rank: number; organisationId: string; name: string; own: boolean; total: string; cells: Array<{ score: string | null; value?: string | null }> }>;
  tieBreakText: string;
  notReportedText: string;
  can: { publish: boolean };
};

export const useBlocks = (year?: number) =>
  useQuery({ queryKey: ['emulation', 'blocks', year ?? 'all'], queryFn: () => api.get<{ items: BlockItem[]; can: { create: boolean } }>('/api/emulation/blocks', year ? { year } : {}) });
export const useBlock = (id: string) => useQuery({ queryKey: ['emulation', 'block', id], queryFn: () => api.get<Block>(`/api/emulation/blocks/${id}`) });
export const usePact = (id: string) => useQuery({ queryKey: ['emulation', 'pact', id], queryFn: () => api.get<Pact>(`/api/emulation/pacts/${id}`) });
export const useResults = (id: string, enabled = true) => useQuery({ queryKey: ['emulation', 'results', id], queryFn: () => api.get<Results>(`/api/emulation/pacts/${id}/results`), enabled });
export const useScoreboard = (id: string, enabled = true) => useQuery({ queryKey: ['emulation', 'scoreboard', id], queryFn: () => api.get<Scoreboard>(`/api/emulation/pacts/${id}/scoreboard`), enabled });

/** A mutation that refreshes every emulation query once it succeeds. */
function useEmulationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['emulation'] }) });
}

export const useCreateBlock = () => useEmulationMutation((body: { year: number; name: string; organisationIds: string[]; headOrganisationId: string | null; deputyOrganisationId: string | null }) => api.post<Block>('/api/emulation/blocks', body));
export const useUpdateBlock = (id: string) => useEmulationMutation((body: { name?: string; headOrganisationId?: string | null; deputyOrganisationId?: string | null }) => api.patch<Block>(`/api/emulation/blocks/${id}`, body));
export const useSetMembers = (id: string) => useEmulationMutation((organisationIds: string[]) => api.put<Block>(`/api/emulation/blocks/${id}/members`, { organisationIds }));
export const useCreatePact = () => useEmulationMutation((body: { blockId: string; title: string }) => api.post<Pact>('/api/emulation/pacts', body));
export const useUpdatePact = (id: string) => useEmulationMutation((body: { title?: string; criteria?: Criterion[] }) => api.patch<Pact>(`/api/emulation/pacts/${id}`, body));
export const usePactAction = (id: string) =>
  useEmulationMutation(({ action, body }: { action: 'sign' | 'close' | 'publish-scoreboard'; body?: unknown }) => api.post<Pact>(`/api/emulation/pacts/${id}/${action}`, body));
export const usePutResults = (id: string) =>
  useEmulationMutation((body: { organisationId: string; values: Array<{ criterionId: string; value: string | null }> }) => api.put<Results>(`/api/emulation/pacts/${id}/results`, body));
