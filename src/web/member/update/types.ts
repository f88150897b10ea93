/** The annual update's answers as the manager's pages read them (decision 007; the server's module is the source). */
import type { Kind, Status } from '../../../shared/organisation-kinds.ts';
import type { FieldValue, FormDefinition, UpdateValues } from '../../../server/modules/annual-updates/form-definition.ts';

export type { FieldValue, FormDefinition, UpdateValues };
export type { FormField, FormSection } from '../../../server/modules/annual-updates/form-definition.ts';

export type UpdateState = 'draft' | 'submitted' | 'returned' | 'accepted';

export type AnnualUpdate = {
  id: string;
  organisationId: string;
  year: number;
  state: UpdateState;
  values: UpdateValues;
  draftVersion: number;
  firstSubmittedAt?: string | null;
  submittedAt?: string | null;
  returnReasons?: Record<string, string> | null;
  returnedAt?: string | null;
  acceptedAt?: string | null;
  receiptNumber?: string | null;
};

export type Receipt = { number: string; submittedAt: string; year?: number; organisationName?: string };

export type Mine = {
  organisation: { id: string; name: string; registrationNumber: string | null; kind: Kind; status: Status; currentCommuneName: string | null; representative: string | null };
  year: number;
  deadline: string;
  form: { id: string | null; version: number; definition: FormDefinition };
  update: AnnualUpdate | null;
  lastAccepted: { id: string; year: number; values: UpdateValues; acceptedAt: string } | null;
};

export const STATE_LABELS: Record<UpdateState | 'none', string> = {
  none: 'Chưa bắt đầu',
  draft: 'Đang soạn (chưa nộp)',
  submitted: 'Đã nộp, chờ Liên minh xem xét',
  returned: 'Liên minh đề nghị sửa',
  accepted: 'Đã được chấp nhận',
};

/** The filer's view of one year (GET /api/annual-updates/mine). */
export const mineUrl = (year: number) => `/api/annual-updates/mine?year=${year}`;
