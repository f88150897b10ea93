// The demo portal's library (decision 009): the sector's real legal documents (without their files) and four
// events of the alliance's year. Written through the library's services (the same rules and audit); fixed
// dates, so the same demo every time.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { systemActor } from '../accounts/roles.ts';
import { createEvent } from '../portal/events.service.ts';
import { createDocument } from '../portal/legal-documents.service.ts';
import type { DocumentInput, EventInput } from '../portal/library.schemas.ts';
import { legalDocuments } from '../portal/portal.sql.ts';

export const DEMO_DOCUMENTS: DocumentInput[] = [
  { numberSymbol: '17/2023/QH15', kind: 'law', title: 'Luật Hợp tác xã', issuer: 'Quốc hội', issuedOn: '2023-06-20', effectiveOn: '2024-07-01', summary: 'Quy định về việc thành lập, tổ chức quản lý và hoạt động của tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã; chính sách của Nhà nước đối với kinh tế tập thể.' },
  { numberSymbol: '20-NQ/TW', kind: 'resolution', title: 'Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khoá XIII về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới', issuer: 'Ban Chấp hành Trung ương', issuedOn: '2022-06-16', effectiveOn: '2022-06-16' },
  { numberSymbol: '09/NQ-CP', kind: 'resolution', title: 'Nghị quyết ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 20-NQ/TW', issuer: 'Chính phủ', issuedOn: '2023-02-03', effectiveOn: '2023-02-03' },
  { numberSymbol: '92/2024/NĐ-CP', kind: 'decree', title: 'Nghị định về đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã', issuer: 'Chính phủ', issuedOn: '2024-07-18', effectiveOn: '2024-07-18', summary: 'Hồ sơ, trình tự, thủ tục đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã và hệ thống thông tin quốc gia về hợp tác xã.' },
  { numberSymbol: '113/2024/NĐ-CP', kind: 'decree', title: 'Nghị định quy định chi tiết một số điều của Luật Hợp tác xã', issuer: 'Chính phủ', issuedOn: '2024-09-12', effectiveOn: '2024-09-12', summary: 'Chính sách hỗ trợ phát triển tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã; tổ chức và hoạt động của quỹ hỗ trợ phát triển hợp tác xã.' },
  { numberSymbol: '09/2024/TT-BKHĐT', kind: 'circular', title: 'Thông tư ban hành biểu mẫu sử dụng trong đăng ký tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã', issuer: 'Bộ Kế hoạch và Đầu tư', issuedOn: '2024-07-19', effectiveOn: '2024-07-19' },
  { numberSymbol: '1318/QĐ-TTg', kind: 'decision', title: 'Quyết định phê duyệt Kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021–2025', issuer: 'Thủ tướng Chính phủ', issuedOn: '2021-07-22', effectiveOn: '2021-07-22' },
  { numberSymbol: '641/KH-UBND', kind: 'plan', title: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh Bắc Giang năm 2023', issuer: 'UBND tỉnh Bắc Giang', issuedOn: '2022-12-28', effectiveOn: '2022-12-28', summary: 'Chỉ tiêu thành lập mới hợp tác xã, củng cố hợp tác xã yếu kém, hỗ trợ đào tạo, xúc tiến thương mại và tiếp cận vốn năm 2023.' },
];

export const DEMO_EVENTS: EventInput[] = [
  { title: 'Tập huấn triển khai Luật Hợp tác xã năm 2023 cho cán bộ quản lý hợp tác xã', kind: 'training', startsOn: '2026-03-18', endsOn: '2026-03-19', place: 'Hội trường Liên minh Hợp tác xã tỉnh', organiser: 'Liên minh Hợp tác xã tỉnh', summary: 'Những điểm mới của Luật Hợp tác xã 2023 và các nghị định hướng dẫn; thực hành đăng ký hợp tác xã trên hệ thống thông tin quốc gia.', published: true },
  { title: 'Hội chợ sản phẩm OCOP và nông sản tiêu biểu của hợp tác xã', kind: 'trade_fair', startsOn: '2026-10-20', endsOn: '2026-10-24', place: 'Quảng trường trung tâm tỉnh', organiser: 'Liên minh Hợp tác xã tỉnh phối hợp Sở Công Thương', summary: 'Gian hàng của hơn 60 hợp tác xã; kết nối tiêu thụ với doanh nghiệp phân phối và sàn thương mại điện tử.', published: true },
  { title: 'Tham quan, học tập mô hình hợp tác xã nông nghiệp ứng dụng công nghệ cao', kind: 'study_visit', startsOn: '2026-11-10', endsOn: '2026-11-12', place: 'Tỉnh Lâm Đồng', organiser: 'Liên minh Hợp tác xã tỉnh', summary: 'Đoàn cán bộ quản lý hợp tác xã học tập kinh nghiệm sản xuất, liên kết chuỗi giá trị.', published: true },
  { title: 'Hội nghị tổng kết hoạt động Liên minh Hợp tác xã năm 2026', kind: 'conference', startsOn: '2026-12-22', endsOn: '2026-12-22', place: 'Hội trường Liên minh Hợp tác xã tỉnh', organiser: 'Liên minh Hợp tác xã tỉnh', summary: 'Tổng kết hoạt động năm 2026, khen thưởng tập thể và cá nhân tiêu biểu, triển khai nhiệm vụ năm 2027.', published: true },
];

/** Adds the demo documents and events once (an alliance that already has documents is left as it is). */
export async function generateDemoLibrary(db: Db, { tenantId }: { tenantId: number }) {
  const [existing] = await db.select({ n: count() }).from(legalDocuments).where(eq(legalDocuments.tenantId, tenantId));
  if ((existing?.n ?? 0) > 0) return { documents: 0, events: 0 };
  const actor = systemActor(tenantId);
  for (const input of DEMO_DOCUMENTS) await createDocument(db, { actor, input });
  for (const input of DEMO_EVENTS) await createEvent(db, { actor, input });
  return { documents: DEMO_DOCUMENTS.length, events: DEMO_EVENTS.length };
}
