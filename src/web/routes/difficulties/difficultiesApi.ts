/**
 * The difficulties' staff API as these pages use it (decision 008): difficulties, recommendations and their
 * letters, agencies, agencies' answers, letter settings, the working-day due date. Shapes as the contract gives them.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';

export const CATEGORIES = ['capital_credit', 'land', 'tax', 'market', 'registration_legal', 'infrastructure', 'digital', 'support_policies', 'other'] as const;
export const CHANNELS = ['online', 'conference', 'visit', 'phone', 'staff', 'annual_update'] as const;
/** What staff record by hand (online is the manager's own, annual_update comes from the update's button). */
export const STAFF_CHANNELS = ['conference', 'visit', 'phone', 'staff'] as const;
export const STATES = ['received', 'handling', 'forwarded', 'answered', 'closed'] as const;
export const OUTCOMES = ['resolved', 'not_resolved', 'rejected'] as const;
export const CONSENTS = ['no', 'anonymous', 'named'] as const;
export const RECOMMENDATION_STATES = ['draft', 'forwarded', 'answered', 'closed'] as const;
export const AGENCY_KINDS = ['department', 'province_committee', 'commune_committee', 'ministry', 'bank', 'other'] as const;

export type FileRef = { id: string; fileName: string; contentType: string; sizeBytes: number };
export type Agency = { id: string; name: string; shortName: string | null; kind: string; communeCode: string | null; address: string | null; email: string | null; active: boolean };
export type AgencyRef = { id: string; name: string } | null;
export type HistoryEntry = { at: string; action: string; actorLabel?: string | null; after?: unknown };

export type DifficultyItem = {
  id: string;
  code: string;
  organisation: { id: string; name: string };
  organisationId?: string;
  category: string;
  title: string;
  raisedOn: string;
  dueOn: string | null;
  state: string;
  overdue: boolean;
  recommendationId: string | null;
  channel: string;
  can: DifficultyCan;
};
export type DifficultyCan = { triage: boolean; answer: boolean; close: boolean; publish: boolean; group: boolean; attach: boolean };

export type Difficulty = DifficultyItem & {
  description: string;
  occasion: string | null;
  publicConsent: string;
  published: boolean;
  unitInCharge: string | null;
  directAnswer: string | null;
  answeredOn: string | null;
  outcome: string | null;
  outcomeReason: string | null;
  closedOn: string | null;
  files: FileRef[];
  recommendation: { id: string; subject: string; letterNumber: string | null; letterDate: string | null; agency: AgencyRef | string; dueOn: string | null; state: string } | null;
  answers: { agency: AgencyRef | string; letterNumber: string; letterDate: string; content: string }[];
  history: HistoryEntry[];
};

export type DifficultyList = { items: DifficultyItem[]; total: number; counts: Record<(typeof STATES)[number] | 'overdue', number> };

export type RecommendationItem = {
  id: string;
  subject: string;
  category: string;
  state: string;
  agency: AgencyRef;
  agencyId?: string | null;
  letterNumber: string | null;
  letterDate: string | null;
  dueOn: string | null;
  overdue: boolean;
  difficultyCount?: number;
};

export type AgencyAnswer = { id: string; agency?: AgencyRef; agencyId?: string; letterNumber: string; letterDate: string; receivedOn: string; content: string; files?: FileRef[] };

export type Recommendation = RecommendationItem & {
  body: string | null;
  signerName: string | null;
  signerTitle: string | null;
  difficulties: DifficultyItem[];
  answers: AgencyAnswer[];
  files: FileRef[];
  can?: { edit?: boolean; forward?: boolean; attach?: boolean; recordAnswer?: boolean };
};

export type LetterSettings = { governingBody: string | null; issuer: string; symbol: string; place: string; signerTitle: string | null; signerName: string | null };

export type DifficultyFilter = { state?: string; category?: string; agencyId?: string; communeCode?: string; overdue?: string; year?: string; q?: string; page: number; pageSize: number };

const KEY = ['difficulties'] as const;
const enc = encodeURIComponent;

export const useDifficulties = (filter: DifficultyFilter) =>
  useQuery({ queryKey: [...KEY, 'list', filter], queryFn: () => api.get<DifficultyList>('/api/difficulties', filter) });

export const useDifficulty = (id: string) => useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api.get<Difficulty>(`/api/difficulties/${enc(id)}`) });

export const useRecommendations = (filter: { state?: string; agencyId?: string; overdue?: string }) =>
  useQuery({ queryKey: [...KEY, 'recommendations', filter], queryFn: () => api.get<{ items: RecommendationItem[]; counts?: Partial<Record<(typeof RECOMMENDATION_STATES)[number] | 'overdue', number>> }>('/api/recommendations', filter) });

export const useRecommendation = (id: string) =>
  useQuery({ queryKey: [...KEY, 'recommendation', id], queryFn: () => api.get<Recommendation>(`/api/recommendations/${enc(id)}`) });

/** The agencies in use (with `all`, those no longer used too). */
export const useAgencies = (enabled = true, all = false) =>
  useQuery({ queryKey: [...KEY, 'agencies', all], queryFn: () => api.get<{ items: Agency[] }>('/api/agencies', all ? { includeInactive: 'true' } : {}), enabled });

export const useLetterSettings = () => useQuery({ queryKey: [...KEY, 'letter-settings'], queryFn: () => api.get<LetterSettings>('/api/letter-settings') });

/** The date N working days after `from` (weekends, holidays and the admin's corrections skipped). */
export const useDueDate = (from: string | null, workingDays: number) =>
  useQuery({
    queryKey: ['calendar', 'due-date', from, workingDays],
    queryFn: () => api.get<{ from: string; workingDays: number; dueOn: string }>('/api/calendar/due-date', { from, workingDays }),
    enabled: Boolean(from),
  });

/** Any change refreshes every view of this area (lists, counts, the one open). */
function useChange<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export type NewDifficulties = { organisationIds: string[]; channel: string; occasion?: string; raisedOn?: string; category: string; title: string; description: string; publicConsent: string };
export const useCreateDifficulties = () => useChange((input: NewDifficulties) => api.post<{ items: Difficulty[] }>('/api/difficulties', input));
export const useCreateFromUpdate = () => useChange((updateId: string) => api.post<{ items?: Difficulty[]; id?: string }>('/api/difficulties/from-update', { updateId }));
export const usePatchDifficulty = (id: string) => useChange((input: Partial<Pick<Difficulty, 'category' | 'title' | 'description' | 'unitInCharge' | 'dueOn' | 'published'>>) => api.patch<Difficulty>(`/api/difficulties/${enc(id)}`, input));
export const useAnswerDifficulty = (id: string) => useChange((input: { answer: string; answeredOn?: string }) => api.post<Difficulty>(`/api/difficulties/${enc(id)}/answer`, input));
export const useCloseDifficulty = (id: string) => useChange((input: { outcome: string; reason?: string }) => api.post<Difficulty>(`/api/difficulties/${enc(id)}/close`, input));

export const useCreateRecommendation = () =>
  useChange((input: { subject: string; category: string; difficultyIds: string[]; agencyId?: string; body?: string }) => api.post<Recommendation>('/api/recommendations', input));
export const usePatchRecommendation = (id: string) =>
  useChange((input: { subject?: string; body?: string | null; agencyId?: string | null; difficultyIds?: string[] }) => api.patch<Recommendation>(`/api/recommendations/${enc(id)}`, input));
export const useForwardRecommendation = (id: string) =>
  useChange((input: { agencyId: string; letterDate: string; dueOn?: string; signerName?: string; signerTitle?: string }) =>
    api.post<Recommendation & { letterNumber: string }>(`/api/recommendations/${enc(id)}/forward`, input));
export const useRecordAnswer = () =>
  useChange((input: { agencyId: string; letterNumber: string; letterDate: string; receivedOn: string; content: string; recommendationIds: string[] }) => api.post<AgencyAnswer>('/api/agency-answers', input));

export const useSaveAgency = () =>
  useChange((input: { id?: string; name?: string; shortName?: string | null; kind?: string; address?: string | null; email?: string | null; active?: boolean }) => {
    const { id, ...body } = input;
    return id ? api.patch<Agency>(`/api/agencies/${enc(id)}`, body) : api.post<Agency>('/api/agencies', body);
  });
export const useAddDefaultAgencies = () => useChange(() => api.post<{ items?: Agency[]; added?: number }>('/api/agencies/defaults', {}));
export const useSaveLetterSettings = () => useChange((input: LetterSettings) => api.put<LetterSettings>('/api/letter-settings', input));

export const difficultyFileUrl = (id: string, fileId: string) => `/api/difficulties/${enc(id)}/files/${enc(fileId)}`;
export const difficultyUploadUrl = (id: string) => `/api/difficulties/${enc(id)}/files`;
export const recommendationFileUrl = (id: string, fileId: string) => `/api/recommendations/${enc(id)}/files/${enc(fileId)}`;
export const recommendationUploadUrl = (id: string) => `/api/recommendations/${enc(id)}/files`;
export const answerFileUrl = (id: string, fileId: string) => `/api/agency-answers/${enc(id)}/files/${enc(fileId)}`;
export const answerUploadUrl = (id: string) => `/api/agency-answers/${enc(id)}/files`;
export const letterUrl = (id: string) => `/api/recommendations/${enc(id)}/letter.docx`;
export { withQuery };

/** An agency's name whether the server sent an object or a name. */
export const agencyName = (agency: AgencyRef | string | undefined): string | null => (typeof agency === 'string' ? agency : agency?.name ?? null);
