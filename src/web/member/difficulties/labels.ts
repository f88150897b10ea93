/**
 * The words of decision 008 as a manager reads them (Vietnamese only: the light app has no English toggle), and
 * the shape of a difficulty as GET /api/difficulties[/:id] answers it (what these pages read of it).
 */
// The one list of decision 008's words (categories, states, outcomes), shared with the portal and the report.
export {
  DIFFICULTY_CATEGORIES as CATEGORIES,
  DIFFICULTY_CATEGORY_LABELS as CATEGORY_LABELS,
  DIFFICULTY_OUTCOME_LABELS as OUTCOME_LABELS,
  DIFFICULTY_STATE_LABELS as STATE_LABELS,
  type DifficultyCategory as Category,
} from '../../../server/modules/difficulties/public-difficulties.words.ts';

/** The three consents, each with what it means in plain words. */
export const CONSENTS = [
  { value: 'no', label: 'Không công khai', help: 'Chỉ Liên minh và cơ quan được chuyển đến đọc được.' },
  { value: 'anonymous', label: 'Công khai, ẩn tên HTX', help: 'Nội dung và câu trả lời được đăng trên trang công khai, không ghi tên hợp tác xã.' },
  { value: 'named', label: 'Công khai kèm tên HTX', help: 'Nội dung, câu trả lời và tên hợp tác xã được đăng trên trang công khai.' },
] as const;
export type Consent = (typeof CONSENTS)[number]['value'];
export const CONSENT_LABELS: Record<string, string> = Object.fromEntries(CONSENTS.map((c) => [c.value, c.label]));

export type Agency = { id?: string; name: string; shortName?: string | null };
export type AgencyAnswer = { agency?: Agency | string | null; letterNumber?: string | null; letterDate?: string | null; content: string };
export type AttachedFile = { id: string; fileName: string; contentType: string; sizeBytes: number };

export type DifficultySummary = {
  id: string;
  code: string;
  category: string;
  title: string;
  state: string;
  raisedOn: string;
  dueOn?: string | null;
  overdue?: boolean;
  outcome?: string | null;
  directAnswer?: string | null;
  answers?: AgencyAnswer[];
  /** In a list: the recommendation it was forwarded with, in short. */
  recommendation?: { id: string; letterNumber?: string | null; agencyName?: string | null } | null;
};

export type Difficulty = Omit<DifficultySummary, 'recommendation'> & {
  description: string;
  publicConsent: string;
  published?: boolean;
  organisation?: { id: string; name: string };
  files?: AttachedFile[];
  answeredOn?: string | null;
  outcomeReason?: string | null;
  closedOn?: string | null;
  recommendation?: { id: string; subject: string; letterNumber?: string | null; letterDate?: string | null; agency?: Agency | string | null; dueOn?: string | null; state: string } | null;
  can?: { attach?: boolean };
};

export const agencyName = (agency: Agency | string | null | undefined): string => (typeof agency === 'string' ? agency : agency?.name ?? '');

/** "1,2 MB", "350 KB": a file's size as a person reads it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
