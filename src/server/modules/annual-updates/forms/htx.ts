// Form VII-2: a cooperative (HTX), first version.
import type { FormDefinition } from '../form-definition.ts';
import * as f from './fields.ts';

export const htxForm: FormDefinition = {
  kind: 'HTX',
  title: { vi: 'Cập nhật thông tin hằng năm của hợp tác xã', en: "A cooperative's annual information update" },
  sections: [
    { key: 'members', title: { vi: 'Thành viên', en: 'Members' }, fields: [f.membersOfficial(), f.membersAssociatedCapital, f.membersAssociatedNoCapital, f.membersTotal(), f.membersJoined, f.membersLeft] },
    { key: 'workers', title: { vi: 'Lao động và thu nhập', en: 'Workers and income' }, fields: [f.workers, f.workersMembers, f.averageIncomeVnd] },
    { key: 'capital', title: { vi: 'Vốn và tài sản', en: 'Capital and assets' }, fields: [f.charterCapitalVnd, f.totalCapitalVnd, f.totalAssetsVnd] },
    { key: 'business', title: { vi: 'Kết quả sản xuất, kinh doanh', en: 'Business results' }, fields: [f.revenueVnd, f.revenueFromMembersVnd, f.profitBeforeTaxVnd, f.taxesPaidVnd] },
    { key: 'management', title: { vi: 'Quản lý, liên kết và OCOP', en: 'Management, value chains and OCOP' }, fields: [f.managerTraining, f.valueChainEnterprise, f.valueChainProduct, f.ocopProducts] },
    { key: 'digital', title: { vi: 'Chuyển đổi số', en: 'Digital adoption' }, fields: [f.digitalWebsite, f.digitalEInvoice, f.digitalAccounting, f.digitalECommerce, f.digitalTraceability] },
    { key: 'difficulties', title: { vi: 'Khó khăn và kiến nghị', en: 'Difficulties and recommendations' }, fields: [f.difficulties] },
  ],
  checks: [f.memberClassesAddUp, f.workersMembersWithinWorkers, f.workersMembersWithinMembers, f.revenueFromMembersWithinRevenue, f.profitWithinRevenue, f.taxesWithinRevenue, f.capitalWithinAssets],
};
