/**
 * Legal forms and statuses of an organisation with their Vietnamese names: plain constants without zod (the
 * schemas are in organisation.ts), so that the public portal (src/web/portal) names them without loading zod.
 */
export const KINDS = ['HTX', 'LHHTX', 'THT', 'QTDND'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = {
  HTX: 'Hợp tác xã',
  LHHTX: 'Liên hiệp hợp tác xã',
  THT: 'Tổ hợp tác',
  QTDND: 'Quỹ tín dụng nhân dân',
};

export const STATUSES = [
  'active',
  'suspended',
  'stopped',
  'not_at_address',
  'dissolving',
  'dissolved',
  'bankrupt',
  'revoked',
  'converted',
] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<Status, string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng kinh doanh',
  stopped: 'Ngừng hoạt động',
  not_at_address: 'Không hoạt động tại địa chỉ đăng ký',
  dissolving: 'Đang giải thể',
  dissolved: 'Đã giải thể',
  bankrupt: 'Phá sản',
  revoked: 'Bị thu hồi GCN',
  converted: 'Chuyển đổi thành doanh nghiệp',
};
/** Statuses that end an organisation's life: it no longer counts from the date it took effect. */
export const ENDED_STATUSES: readonly Status[] = ['dissolved', 'bankrupt', 'revoked', 'converted'];
