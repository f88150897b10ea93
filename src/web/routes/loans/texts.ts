/** Words the loan pages show (Vietnamese; the domain's labels come from the loans schema file). */
export {
  DEBT_GROUP_LABELS,
  LOAN_STATUS_LABELS,
  METHOD_LABELS,
} from '../../../server/modules/loans/loans.schemas.ts';

export const STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  appraised: 'geekblue',
  approved: 'cyan',
  rejected: 'red',
  contracted: 'purple',
  active: 'green',
  closed: 'default',
  written_off: 'volcano',
};

export const GROUP_COLORS = ['', 'green', 'gold', 'orange', 'volcano', 'red'];

export const ACTION_LABELS: Record<string, string> = {
  'loan.applied': 'Lập hồ sơ vay',
  'loan.document_added': 'Đính kèm tài liệu',
  'loan.appraised': 'Thẩm định',
  'loan.approved': 'Phê duyệt',
  'loan.rejected': 'Từ chối',
  'loan.contract_signed': 'Ký hợp đồng',
  'loan.disbursed': 'Giải ngân',
  'loan.payment_posted': 'Ghi nhận trả nợ',
  'loan.rescheduled': 'Gia hạn nợ',
  'loan.written_off': 'Xóa nợ',
  'loan.closed': 'Tất toán',
};
