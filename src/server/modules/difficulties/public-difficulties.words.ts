// The Vietnamese words of decision 008 that the public page, the report's files and the CLI print. No server code
// here: the portal imports it.

export const DIFFICULTY_CATEGORIES = [
  'capital_credit',
  'land',
  'tax',
  'market',
  'registration_legal',
  'infrastructure',
  'digital',
  'support_policies',
  'other',
] as const;
export type DifficultyCategory = (typeof DIFFICULTY_CATEGORIES)[number];

export const DIFFICULTY_CATEGORY_LABELS: Record<DifficultyCategory, string> = {
  capital_credit: 'Vốn, tín dụng',
  land: 'Đất đai',
  tax: 'Thuế',
  market: 'Thị trường, tiêu thụ',
  registration_legal: 'Đăng ký, pháp lý',
  infrastructure: 'Hạ tầng',
  digital: 'Chuyển đổi số',
  support_policies: 'Tiếp cận chính sách hỗ trợ',
  other: 'Khác',
};

export const DIFFICULTY_STATE_LABELS: Record<string, string> = {
  received: 'Đã tiếp nhận',
  handling: 'Đang xử lý',
  forwarded: 'Đã chuyển cơ quan',
  answered: 'Đã trả lời',
  closed: 'Đã kết thúc',
};

export const DIFFICULTY_OUTCOME_LABELS: Record<string, string> = {
  resolved: 'Đã giải quyết',
  not_resolved: 'Chưa giải quyết được',
  rejected: 'Không tiếp nhận',
};

/** A category's label; an unknown key (a newer server) reads as "Khác" rather than as a key. */
export const categoryLabel = (category: string): string => DIFFICULTY_CATEGORY_LABELS[category as DifficultyCategory] ?? DIFFICULTY_CATEGORY_LABELS.other;
