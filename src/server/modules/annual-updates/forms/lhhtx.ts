// Form VII-3: a union of cooperatives (LHHTX), first version. Its members are cooperatives, its figures a
// cooperative's otherwise.
import type { FormDefinition } from '../form-definition.ts';
import * as f from './fields.ts';

export const lhhtxForm: FormDefinition = {
  kind: 'LHHTX',
  title: { vi: 'Cập nhật thông tin hằng năm của liên hiệp hợp tác xã', en: "A union of cooperatives' annual information update" },
  sections: [
    {
      key: 'members',
      title: { vi: 'Thành viên (hợp tác xã thành viên)', en: 'Members (member cooperatives)' },
      fields: [f.membersOfficial('Thành viên chính thức (hợp tác xã)', 'Official members (cooperatives)'), f.membersAssociatedCapital, f.membersAssociatedNoCapital, f.membersTotal(), f.membersJoined, f.membersLeft],
    },
    { key: 'workers', title: { vi: 'Lao động và thu nhập', en: 'Workers and income' }, fields: [f.workers, f.workersMembers, f.averageIncomeVnd] },
    { key: 'capital', title: { vi: 'Vốn và tài sản', en: 'Capital and assets' }, fields: [f.charterCapitalVnd, f.totalCapitalVnd, f.totalAssetsVnd] },
    { key: 'business', title: { vi: 'Kết quả sản xuất, kinh doanh', en: 'Business results' }, fields: [f.revenueVnd, f.revenueFromMembersVnd, f.profitBeforeTaxVnd, f.taxesPaidVnd] },
    { key: 'management', title: { vi: 'Quản lý, liên kết và OCOP', en: 'Management, value chains and OCOP' }, fields: [f.managerTraining, f.valueChainEnterprise, f.valueChainProduct, f.ocopProducts] },
    { key: 'digital', title: { vi: 'Chuyển đổi số', en: 'Digital adoption' }, fields: [f.digitalWebsite, f.digitalEInvoice, f.digitalAccounting, f.digitalECommerce, f.digitalTraceability] },
    { key: 'difficulties', title: { vi: 'Khó khăn và kiến nghị', en: 'Difficulties and recommendations' }, fields: [f.difficulties] },
  ],
  checks: [f.memberClassesAddUp, f.revenueFromMembersWithinRevenue, f.profitWithinRevenue, f.taxesWithinRevenue, f.capitalWithinAssets, f.workersMembersWithinWorkers],
};
