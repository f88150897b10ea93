import type { OrganisationInput } from './organisation.ts';

/** The fields of an organisation as its form and its history name them, in Vietnamese and English. */
export type OrganisationField = keyof OrganisationInput | 'sectorGroup' | 'registeredUnitCode';

export const ORGANISATION_FIELD_LABELS: Record<OrganisationField, [vi: string, en: string]> = {
  kind: ['Loại hình', 'Legal form'],
  registrationNumber: ['Mã số HTX / Mã số thuế', 'Registration number / tax code'],
  name: ['Tên tổ chức', 'Name'],
  shortName: ['Tên viết tắt', 'Short name'],
  foreignName: ['Tên tiếng nước ngoài', 'Foreign name'],
  status: ['Tình trạng', 'Status'],
  statusSince: ['Tình trạng từ ngày', 'Status since'],
  foundedOn: ['Ngày thành lập', 'Founding date'],
  dissolvedOn: ['Ngày giải thể', 'Dissolution date'],
  address: ['Địa chỉ trụ sở', 'Head office address'],
  registeredCommune: ['Xã, phường (theo đăng ký)', 'Commune (as registered)'],
  registeredDistrict: ['Huyện (theo đăng ký)', 'District (as registered)'],
  registeredUnitCode: ['Mã đơn vị hành chính (theo đăng ký)', 'Registered admin unit code'],
  currentCommuneCode: ['Xã, phường hiện nay', 'Commune today'],
  sectorCode: ['Lĩnh vực hoạt động', 'Sector'],
  sectorGroup: ['Nhóm lĩnh vực', 'Sector group'],
  vsicCodes: ['Ngành nghề (mã VSIC)', 'Business lines (VSIC)'],
  charterCapitalVnd: ['Vốn điều lệ', 'Charter capital'],
  membersOfficial: ['Thành viên chính thức', 'Official members'],
  membersAssociatedCapital: ['Thành viên liên kết góp vốn', 'Associated members with capital'],
  membersAssociatedNoCapital: ['Thành viên liên kết không góp vốn', 'Associated members without capital'],
  workers: ['Lao động thường xuyên', 'Regular workers'],
  representative: ['Người đại diện theo pháp luật', 'Legal representative'],
  phone: ['Điện thoại', 'Phone'],
  email: ['Email', 'Email'],
  allianceMemberSince: ['Thành viên Liên minh từ ngày', 'Alliance member since'],
};

/**
 * The Vietnamese label of every field an API body or query carries, so that a message names a field as the user
 * reads it on the form ("Ngày thành lập"), never by its key ("foundedOn"); an organisation's fields by the same
 * words as its form and its history (ORGANISATION_FIELD_LABELS, which the web app reads too). field-labels.test.ts holds this list
 * complete against the schemas.
 */
export const FIELD_LABELS: Record<string, string> = {
  // The fields of an organisation by the words of its form; the others below.
  ...Object.fromEntries(Object.entries(ORGANISATION_FIELD_LABELS).map(([field, [vi]]) => [field, vi])),
  amountVnd: 'Số tiền',
  annualRatePercent: 'Lãi suất năm',
  appliedOn: 'Ngày nhận hồ sơ',
  approvedAmountVnd: 'Số tiền phê duyệt',
  area: 'Địa bàn',
  asOf: 'Ngày tính số liệu',
  body: 'Nội dung gửi lên',
  category: 'Nhóm (đúng hạn, nộp muộn, chưa nộp…)',
  chart: 'Biểu đồ',
  collateral: 'Tài sản bảo đảm',
  commune: 'Xã/phường',
  communeCode: 'Xã/phường',
  contractNumber: 'Số hợp đồng',
  contactName: 'Họ tên người liên hệ',
  current: 'Mật khẩu hiện tại',
  coordinates: 'Tọa độ',
  day: 'Ngày',
  dayOff: 'Ngày nghỉ hay làm việc',
  days: 'Số ngày',
  definition: 'Biểu mẫu',
  draftVersion: 'Phiên bản bản nháp',
  decision: 'Quyết định',
  decisionDate: 'Ngày quyết định',
  decisionNumber: 'Số quyết định',
  disbursedOn: 'Ngày giải ngân',
  displayName: 'Họ tên',
  documentId: 'Giấy tờ',
  district: 'Huyện (cũ)',
  dryRun: 'Chạy thử',
  effectiveFrom: 'Ngày hiệu lực',
  effectiveOn: 'Ngày hiệu lực',
  features: 'Các vùng ranh giới',
  file: 'Tệp',
  findings: 'Kết quả thẩm định',
  foundedYear: 'Năm thành lập',
  from: 'Từ ngày',
  geometry: 'Hình ranh giới',
  graceMonths: 'Thời gian ân hạn gốc',
  guarantors: 'Người bảo lãnh',
  id: 'Mã',
  idNumber: 'Số giấy tờ tùy thân',
  ids: 'Các bản cập nhật',
  idempotencyKey: 'Mã chống gửi trùng',
  indicator: 'Chỉ tiêu',
  kinds: 'Loại hình được vay',
  login: 'Email hoặc số điện thoại',
  maxAmountVnd: 'Mức cho vay tối đa',
  maxGraceMonths: 'Thời gian ân hạn tối đa',
  maxOpenLoans: 'Số khoản vay đang mở tối đa',
  maxTermMonths: 'Thời hạn vay tối đa',
  message: 'Lời nhắn',
  method: 'Phương thức trả nợ',
  methods: 'Phương thức trả nợ được áp dụng',
  minMonthsSinceFounding: 'Số tháng hoạt động tối thiểu',
  name: 'Tên', // also a guarantor's and a boundary's: not the organisation form's "Tên tổ chức"
  newTermMonths: 'Thời hạn mới',
  next: 'Mật khẩu mới',
  note: 'Ghi chú',
  on: 'Ngày',
  organisationId: 'Tổ chức',
  organisationIds: 'Các tổ chức',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  paidOn: 'Ngày trả',
  password: 'Mật khẩu',
  penaltyRatePercent: 'Lãi phạt quá hạn',
  properties: 'Thuộc tính',
  purpose: 'Mục đích vay',
  q: 'Từ khóa tìm kiếm',
  reason: 'Lý do',
  reasons: 'Lý do trả lại',
  recommendation: 'Đề xuất',
  recommendedAmountVnd: 'Số tiền đề xuất',
  relation: 'Quan hệ',
  role: 'Vai trò',
  sector: 'Ngành',
  sectorGroups: 'Nhóm ngành được vay',
  signedOn: 'Ngày ký',
  state: 'Trạng thái',
  submitKey: 'Mã chống gửi trùng',
  sort: 'Sắp xếp',
  target: 'Chỉ tiêu kế hoạch',
  tenant: 'Liên minh',
  termMonths: 'Thời hạn vay',
  token: 'Liên kết',
  type: 'Loại',
  values: 'Số liệu cập nhật',
  workingDays: 'Số ngày làm việc',
  version: 'Phiên bản của bản ghi',
  writtenOffOn: 'Ngày xóa nợ',
  year: 'Năm',
};

/** "guarantors.0.name" → "Người bảo lãnh thứ 1 › Tên"; a key nobody labelled reads "Dữ liệu". */
export function fieldLabel(path: string | readonly PropertyKey[]): string {
  const parts = typeof path === 'string' ? path.split(/[./]/).filter(Boolean) : path.map(String);
  const words: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && words.length > 0) words[words.length - 1] += ` thứ ${Number(part) + 1}`;
    else words.push(FIELD_LABELS[part] ?? 'Dữ liệu');
  }
  return words.join(' › ');
}
