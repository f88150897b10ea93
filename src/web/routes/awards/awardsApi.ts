/**
 * The awards' staff API as these pages use it (decision 010): kinds, the register, proposals and their dossier,
 * the council's review, decisions and their document, revocation, never recognised. Shapes as the server sends them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';

export type Warning = { code: string; message: string };
export type AwardKind = { code: string; name: string; shortName: string; form: string; formLabel: string; level: string; levelLabel: string; recipients: string; oncePerRecipient: boolean; minYearsBetween: number | null; active: boolean; position: number };
export type RegisterItem = {
  id: string;
  year: number;
  awardKindCode: string;
  awardKindName: string;
  form: string;
  formLabel: string;
  level: string;
  levelLabel: string;
  recipientKind: string;
  recipientKindLabel: string;
  recipientName: string;
  personPosition: string | null;
  organisationId: string | null;
  organisationName: string | null;
  communeName: string | null;
  decisionId: string | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  cashVnd: number;
  revoked: boolean;
  revokedOn: string | null;
  revokeReason: string | null;
  revokeDecisionNumber: string | null;
  can: { revoke: boolean };
};
export type Register = { total: number; page: number; pageSize: number; items: RegisterItem[] };
export type RegisterFilter = { q?: string; form?: string; level?: string; year?: number; recipientKind?: string; organisationId?: string; sameRecipientAs?: string; page?: number; pageSize?: number };

export type ProposalFile = { id: string; purpose: string; purposeLabel: string; fileName: string; sizeBytes: number };
export type Proposal = {
  id: string;
  year: number;
  awardKindCode: string;
  awardKindName: string;
  recipientKind: string;
  recipientKindLabel: string;
  organisationId: string | null;
  organisationName: string | null;
  recipientName: string;
  personPosition: string | null;
  personIdNumber: string | null;
  personBirthDate: string | null;
  achievements: string;
  state: string;
  stateLabel: string;
  warnings: Warning[];
  councilMetOn: string | null;
  councilMembers: string | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  councilResult: string | null;
  councilResultLabel: string | null;
  councilNote: string | null;
  decisionId: string | null;
  files: ProposalFile[];
  can: { edit: boolean; submit: boolean; review: boolean; withdraw: boolean; decide: boolean };
};
export type ProposalInput = {
  year: number;
  awardKindCode: string;
  recipientKind: string;
  organisationId?: string | null;
  recipientName?: string | null;
  personPosition?: string | null;
  personIdNumber?: string | null;
  personBirthDate?: string | null;
  achievements?: string | null;
};
export type ReviewInput = { councilMetOn: string; councilMembers: string; votesFor: number; votesAgainst: number; votesAbstain: number; councilResult: string; councilNote?: string | null };
export type DecisionRecipient = { id: string; recipientKind: string; recipientName: string; personPosition: string | null; organisationId: string | null; cashVnd: number; revokedOn: string | null; revokeReason: string | null };
export type Decision = {
  id: string;
  number: string;
  decidedOn: string;
  issuer: string;
  signerName: string;
  signerPosition: string;
  awardKindCode: string;
  awardKindName: string;
  year: number;
  cashPerCollectiveVnd: number;
  cashPerIndividualVnd: number;
  collectives: number;
  individuals: number;
  recipients?: DecisionRecipient[];
};
export type DecisionInput = Omit<Decision, 'id' | 'awardKindName' | 'collectives' | 'individuals' | 'recipients'> & { proposalIds: string[] };
export type RevokeInput = { revokedOn: string; reason: string; revokeDecisionNumber: string; recoverObject?: string | null; recoverCashVnd?: number | null };
export type NeverRecognised = { total: number; byCommune: { communeCode: string | null; communeName: string | null; count: number }[]; items: { id: string; name: string; registrationNumber: string | null; communeName: string | null }[] };

const KEY = ['awards'] as const;
const enc = encodeURIComponent;

export const useAwardKinds = () => useQuery({ queryKey: [...KEY, 'kinds'], queryFn: () => api.get<{ items: AwardKind[] }>('/api/awards/kinds'), staleTime: 60_000 });
export const useRegister = (filter: RegisterFilter, enabled = true) => useQuery({ queryKey: [...KEY, 'register', filter], queryFn: () => api.get<Register>('/api/awards', filter), enabled });
export const useProposals = (state?: string) => useQuery({ queryKey: [...KEY, 'proposals', state ?? ''], queryFn: () => api.get<{ items: Proposal[] }>('/api/award-proposals', { state }) });
export const useProposal = (id: string) => useQuery({ queryKey: [...KEY, 'proposal', id], queryFn: () => api.get<Proposal>(`/api/award-proposals/${enc(id)}`), enabled: id !== '' });
export const useDecisions = () => useQuery({ queryKey: [...KEY, 'decisions'], queryFn: () => api.get<{ items: Decision[] }>('/api/award-decisions') });
export const useDecision = (id: string) => useQuery({ queryKey: [...KEY, 'decision', id], queryFn: () => api.get<Decision>(`/api/award-decisions/${enc(id)}`) });
export const useNeverRecognised = (communeCode?: string) =>
  useQuery({ queryKey: [...KEY, 'never', communeCode ?? ''], queryFn: () => api.get<NeverRecognised>('/api/awards/never-recognised', { communeCode, pageSize: 200 }) });

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useCreateProposal() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: ProposalInput) => api.post<Proposal>('/api/award-proposals', input), onSuccess: invalidate });
}
export function useProposalAction() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, action }: { id: string; action: 'submit' | 'withdraw' }) => api.post<Proposal>(`/api/award-proposals/${enc(id)}/${action}`), onSuccess: invalidate });
}
export function useReviewProposal() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, input }: { id: string; input: ReviewInput }) => api.post<Proposal>(`/api/award-proposals/${enc(id)}/review`, input), onSuccess: invalidate });
}
export function useUploadDossier() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, purpose, file }: { id: string; purpose: string; file: File }) => uploadFile<ProposalFile>(`/api/award-proposals/${enc(id)}/files?purpose=${enc(purpose)}`, file, () => {}),
    onSuccess: invalidate,
  });
}
export function useCreateDecision() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: DecisionInput) => api.post<Decision>('/api/award-decisions', input), onSuccess: invalidate });
}
export function useRevokeAward() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, input }: { id: string; input: RevokeInput }) => api.post<{ id: string }>(`/api/awards/${enc(id)}/revoke`, input), onSuccess: invalidate });
}
export function useSaveAwardKind() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ code, input }: { code: string; input: Partial<Pick<AwardKind, 'name' | 'active' | 'oncePerRecipient' | 'minYearsBetween'>> }) => api.patch<AwardKind>(`/api/awards/kinds/${enc(code)}`, input), onSuccess: invalidate });
}

/** "1.500.000 đ". */
export function vnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
