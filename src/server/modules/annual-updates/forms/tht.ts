// Form VII-1: a cooperative group (THT), first version — shorter: one class of members, no charter capital.
import type { FormDefinition } from '../form-definition.ts';
import * as f from './fields.ts';

export const thtForm: FormDefinition = {
  kind: 'THT',
  title: { vi: 'Cập nhật thông tin hằng năm của tổ hợp tác', en: "A cooperative group's annual information update" },
  sections: [
    { key: 'members', title: { vi: 'Thành viên', en: 'Members' }, fields: [f.membersTotal('Số thành viên', 'Members'), f.membersJoined, f.membersLeft] },
    { key: 'workers', title: { vi: 'Lao động và thu nhập', en: 'Workers and income' }, fields: [f.workers, f.averageIncomeVnd] },
    { key: 'business', title: { vi: 'Tài sản và kết quả hoạt động', en: 'Assets and results' }, fields: [f.totalAssetsVnd, f.revenueVnd, f.profitBeforeTaxVnd] },
    { key: 'links', title: { vi: 'Liên kết và chuyển đổi số', en: 'Value chains and digital adoption' }, fields: [f.valueChainProduct, f.ocopProducts, f.digitalEInvoice, f.digitalECommerce] },
    { key: 'difficulties', title: { vi: 'Khó khăn và kiến nghị', en: 'Difficulties and recommendations' }, fields: [f.difficulties] },
  ],
  checks: [f.profitWithinRevenue],
};
