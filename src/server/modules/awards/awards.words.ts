// The words of awards (decision 010): forms, levels, recipient kinds, proposal states, council results, dossier
// files. Plain constants (no zod), shared by the server, the CLI and the staff pages.

export const AWARD_FORMS = ['flag', 'certificate_of_merit', 'medal', 'certificate_of_commendation', 'title', 'coopstar'] as const;
export type AwardForm = (typeof AWARD_FORMS)[number];
export const AWARD_FORM_LABELS: Record<AwardForm, string> = {
  flag: 'Cờ thi đua',
  certificate_of_merit: 'Bằng khen',
  medal: 'Kỷ niệm chương',
  certificate_of_commendation: 'Giấy khen',
  title: 'Danh hiệu thi đua',
  coopstar: 'Ngôi sao HTX',
};

export const AWARD_LEVELS = ['government', 'prime_minister', 'ministry', 'province', 'vca', 'alliance'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AWARD_LEVEL_LABELS: Record<AwardLevel, string> = {
  government: 'Chính phủ',
  prime_minister: 'Thủ tướng Chính phủ',
  ministry: 'Bộ, ngành trung ương',
  province: 'UBND tỉnh',
  vca: 'Liên minh HTX Việt Nam',
  alliance: 'Liên minh HTX tỉnh',
};

export const RECIPIENT_KINDS = ['collective', 'individual'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = { collective: 'Tập thể', individual: 'Cá nhân' };

export const PROPOSAL_STATES = ['draft', 'submitted', 'reviewed', 'decided', 'withdrawn'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  draft: 'Đang lập',
  submitted: 'Đã trình',
  reviewed: 'Hội đồng đã xét',
  decided: 'Đã có quyết định',
  withdrawn: 'Đã rút',
};

export const COUNCIL_RESULTS = ['approved', 'rejected'] as const;
export type CouncilResult = (typeof COUNCIL_RESULTS)[number];
export const COUNCIL_RESULT_LABELS: Record<CouncilResult, string> = { approved: 'Đề nghị khen', rejected: 'Không đề nghị' };

export const DOSSIER_PURPOSES = ['submission_letter', 'council_minutes', 'achievement_report'] as const;
export type DossierPurpose = (typeof DOSSIER_PURPOSES)[number];
export const DOSSIER_PURPOSE_LABELS: Record<DossierPurpose, string> = {
  submission_letter: 'Tờ trình',
  council_minutes: 'Biên bản họp Hội đồng thi đua, khen thưởng',
  achievement_report: 'Báo cáo thành tích',
};

export const ELIGIBILITY_CODES = ['already_holds', 'too_soon', 'not_block_member', 'dissolved', 'wrong_recipient_kind'] as const;
export type EligibilityCode = (typeof ELIGIBILITY_CODES)[number];
/** The warnings that stop a decision; the others are shown to staff and the council, who may go on. */
export const BLOCKING_CODES: readonly EligibilityCode[] = ['already_holds', 'wrong_recipient_kind'];

/** "1.500.000 đ": whole đồng with dots between thousands. */
export function formatVnd(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}
