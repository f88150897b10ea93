// The fields of the first version (decision 007's keys), shared by the three kinds' forms. Data only.
import type { FormCheck, FormField } from '../form-definition.ts';

const people = (key: string, vi: string, en: string, extra: Partial<FormField> = {}): FormField => ({ key, label: { vi, en }, type: 'integer', unit: 'người', required: true, ...extra });
const money = (key: string, vi: string, en: string, extra: Partial<FormField> = {}): FormField => ({ key, label: { vi, en }, type: 'money', unit: 'VND', required: true, ...extra });
const yesNo = (key: string, vi: string, en: string): FormField => ({ key, label: { vi, en }, type: 'boolean', unit: null, required: true });

export const membersOfficial = (vi = 'Thành viên chính thức', en = 'Official members') => people('membersOfficial', vi, en);
export const membersAssociatedCapital = people('membersAssociatedCapital', 'Thành viên liên kết góp vốn', 'Associated members with capital');
export const membersAssociatedNoCapital = people('membersAssociatedNoCapital', 'Thành viên liên kết không góp vốn', 'Associated members without capital');
export const membersTotal = (vi = 'Tổng số thành viên', en = 'Total members') => people('membersTotal', vi, en);
export const membersJoined = people('membersJoined', 'Thành viên mới gia nhập trong kỳ', 'Members who joined in the period');
export const membersLeft = people('membersLeft', 'Thành viên ra khỏi trong kỳ', 'Members who left in the period');

export const workers = people('workers', 'Lao động thường xuyên', 'Regular workers');
export const workersMembers = people('workersMembers', 'Trong đó: lao động là thành viên', 'Of whom: members');
export const averageIncomeVnd = money('averageIncomeVnd', 'Thu nhập bình quân của người lao động (đồng/tháng)', "A worker's average income (VND a month)", {
  help: { vi: 'Thu nhập bình quân một tháng của một lao động thường xuyên.', en: 'Average monthly income of one regular worker.' },
});

export const charterCapitalVnd = money('charterCapitalVnd', 'Vốn điều lệ (đồng)', 'Charter capital (VND)');
export const totalCapitalVnd = money('totalCapitalVnd', 'Tổng nguồn vốn (đồng)', 'Total capital (VND)');
export const totalAssetsVnd = money('totalAssetsVnd', 'Tổng tài sản (đồng)', 'Total assets (VND)');

export const revenueVnd = money('revenueVnd', 'Doanh thu (đồng)', 'Revenue (VND)');
export const revenueFromMembersVnd = money('revenueFromMembersVnd', 'Trong đó: doanh thu từ giao dịch với thành viên (đồng)', 'Of which: from transactions with members (VND)');
export const profitBeforeTaxVnd = money('profitBeforeTaxVnd', 'Lợi nhuận trước thuế (đồng)', 'Profit before tax (VND)', {
  min: -Number.MAX_SAFE_INTEGER,
  help: { vi: 'Ghi số âm nếu lỗ.', en: 'Negative for a loss.' },
});
export const taxesPaidVnd = money('taxesPaidVnd', 'Thuế và các khoản nộp ngân sách (đồng)', 'Taxes paid (VND)');

export const managerTraining: FormField = {
  key: 'managerTraining',
  label: { vi: 'Trình độ đào tạo của người quản lý', en: "The manager's training" },
  type: 'choice',
  unit: null,
  required: true,
  choices: [
    { value: 'none', label: { vi: 'Chưa qua đào tạo', en: 'None' } },
    { value: 'elementary', label: { vi: 'Sơ cấp', en: 'Elementary vocational' } },
    { value: 'intermediate', label: { vi: 'Trung cấp', en: 'Intermediate' } },
    { value: 'college', label: { vi: 'Cao đẳng', en: 'College' } },
    { value: 'university', label: { vi: 'Đại học', en: 'University' } },
    { value: 'postgraduate', label: { vi: 'Trên đại học', en: 'Postgraduate' } },
  ],
};
export const valueChainEnterprise: FormField = {
  key: 'valueChainEnterprise',
  label: { vi: 'Doanh nghiệp liên kết chuỗi giá trị', en: 'Value-chain partner enterprise' },
  type: 'text',
  unit: null,
  required: false,
  maxLength: 300,
  help: { vi: 'Để trống nếu không tham gia chuỗi giá trị.', en: 'Leave blank when not in a value chain.' },
};
export const valueChainProduct: FormField = {
  key: 'valueChainProduct',
  label: { vi: 'Sản phẩm trong chuỗi giá trị', en: 'Value-chain product' },
  type: 'text',
  unit: null,
  required: false,
  maxLength: 300,
};
export const ocopProducts: FormField = { key: 'ocopProducts', label: { vi: 'Số sản phẩm OCOP', en: 'OCOP products' }, type: 'integer', unit: null, required: true, max: 1000 };

export const digitalWebsite = yesNo('digitalWebsite', 'Có trang thông tin điện tử (website)', 'Has a website');
export const digitalEInvoice = yesNo('digitalEInvoice', 'Dùng hoá đơn điện tử', 'Uses e-invoices');
export const digitalAccounting = yesNo('digitalAccounting', 'Dùng phần mềm kế toán', 'Uses accounting software');
export const digitalECommerce = yesNo('digitalECommerce', 'Bán hàng trên sàn thương mại điện tử', 'Sells on e-commerce platforms');
export const digitalTraceability = yesNo('digitalTraceability', 'Có truy xuất nguồn gốc sản phẩm', 'Has product traceability');

export const difficulties: FormField = {
  key: 'difficulties',
  label: { vi: 'Khó khăn, vướng mắc và kiến nghị', en: 'Difficulties and recommendations' },
  type: 'text',
  unit: null,
  required: false,
  maxLength: 4000,
};

export const memberClassesAddUp: FormCheck = {
  kind: 'sum',
  fields: ['membersOfficial', 'membersAssociatedCapital', 'membersAssociatedNoCapital'],
  equals: 'membersTotal',
  message: 'phải bằng tổng thành viên chính thức và thành viên liên kết',
};
export const workersMembersWithinWorkers: FormCheck = { kind: 'lte', field: 'workersMembers', than: 'workers', message: 'không được lớn hơn số lao động thường xuyên' };
export const workersMembersWithinMembers: FormCheck = { kind: 'lte', field: 'workersMembers', than: 'membersTotal', message: 'không được lớn hơn tổng số thành viên' };
export const revenueFromMembersWithinRevenue: FormCheck = { kind: 'lte', field: 'revenueFromMembersVnd', than: 'revenueVnd', message: 'không được lớn hơn doanh thu' };
export const profitWithinRevenue: FormCheck = { kind: 'lte', field: 'profitBeforeTaxVnd', than: 'revenueVnd', message: 'không được lớn hơn doanh thu' };
export const taxesWithinRevenue: FormCheck = { kind: 'lte', field: 'taxesPaidVnd', than: 'revenueVnd', message: 'không được lớn hơn doanh thu' };
export const capitalWithinAssets: FormCheck = { kind: 'lte', field: 'totalCapitalVnd', than: 'totalAssetsVnd', message: 'không được lớn hơn tổng tài sản' };
