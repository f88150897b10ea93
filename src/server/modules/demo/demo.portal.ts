// The demo alliance's portal (decision 009): the default categories and the menu's links to the fixed pages, the
// three fixed pages, eight published news of 2024–2026 (one of them the seed article, with its author line and
// category), one scheduled, one waiting for review, one draft. Written through the portal's services (the same
// sanitising, versions, audit); the dates shown are those of the news, not of the day the demo is made. No photos
// (the library's images are uploaded, not generated). Nothing random: the same demo on every machine.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { systemActor } from '../accounts/roles.ts';
import { publishArticle, submitArticle } from '../portal/article-states.ts';
import type { CreateArticleInput } from '../portal/articles.schemas.ts';
import { createArticle } from '../portal/articles.service.ts';
import { createCategory, ensureDefaultCategories } from '../portal/categories.service.ts';
import { portalArticles } from '../portal/portal.sql.ts';
import { SEED_ARTICLE } from './demo.portal-seed.ts';

const html = (paragraphs: string[]) => paragraphs.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join('');

const PAGES: Array<{ slug: string; title: string; summary: string; body: string[] }> = [
  {
    slug: 'gioi-thieu',
    title: 'Giới thiệu Liên minh HTX tỉnh Bắc Giang',
    summary: 'Liên minh Hợp tác xã tỉnh Bắc Giang là tổ chức chính trị – xã hội và kinh tế, đại diện và hỗ trợ các hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác trên địa bàn tỉnh.',
    body: [
      'Liên minh Hợp tác xã tỉnh Bắc Giang là tổ chức kinh tế – xã hội, tập hợp, liên kết tự nguyện các hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác và các tổ chức kinh tế khác trên địa bàn tỉnh; là thành viên của Liên minh Hợp tác xã Việt Nam.',
      '<h2>Chức năng, nhiệm vụ</h2>',
      '<ul><li>Đại diện, bảo vệ quyền và lợi ích hợp pháp của thành viên;</li><li>Tuyên truyền, vận động phát triển kinh tế tập thể, hướng dẫn thành lập hợp tác xã theo Luật Hợp tác xã năm 2023;</li><li>Tư vấn, đào tạo, bồi dưỡng cán bộ quản lý hợp tác xã; xúc tiến thương mại, chuyển đổi số;</li><li>Quản lý Quỹ hỗ trợ phát triển hợp tác xã của tỉnh, cho vay vốn ưu đãi đối với thành viên.</li></ul>',
      '<h2>Tổ chức bộ máy</h2>',
      'Cơ quan Liên minh HTX tỉnh gồm Văn phòng, Ban Kiểm tra, Ban Tuyên truyền – Phát triển thành viên, Ban Hỗ trợ – Xúc tiến thương mại và Quỹ hỗ trợ phát triển hợp tác xã. Đến hết năm 2023, toàn tỉnh có 1.116 hợp tác xã với 42.153 thành viên.',
    ],
  },
  {
    slug: 'lien-he',
    title: 'Liên hệ',
    summary: 'Địa chỉ, điện thoại và thư điện tử của cơ quan Liên minh HTX tỉnh Bắc Giang.',
    body: [
      '<h2>Cơ quan Liên minh HTX tỉnh Bắc Giang</h2>',
      'Địa chỉ: Số 2 đường Nguyễn Văn Cừ, phường Bắc Giang.',
      'Điện thoại Văn phòng: 0204 3854 266 – Quỹ hỗ trợ phát triển HTX: 0204 3855 018.',
      'Thư điện tử: <a href="mailto:lienminhhtx@bacgiang.gov.vn">lienminhhtx@bacgiang.gov.vn</a>',
      'Giờ làm việc: sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, thứ Hai đến thứ Sáu.',
    ],
  },
  {
    slug: 'dieu-kien-vay-von-quy-ho-tro',
    title: 'Điều kiện vay vốn Quỹ hỗ trợ phát triển HTX',
    summary: 'Đối tượng, điều kiện, mức vay và hồ sơ vay vốn Quỹ hỗ trợ phát triển hợp tác xã tỉnh theo Nghị định 45/2021/NĐ-CP.',
    body: [
      'Quỹ hỗ trợ phát triển hợp tác xã tỉnh cho vay vốn ưu đãi đối với các hợp tác xã, liên hiệp hợp tác xã là thành viên của Liên minh HTX tỉnh, có dự án đầu tư phát triển sản xuất, kinh doanh khả thi.',
      '<h2>Điều kiện vay vốn</h2>',
      '<ol><li>Có tư cách pháp nhân, hoạt động từ 12 tháng trở lên và có báo cáo tài chính năm gần nhất;</li><li>Có dự án hoặc phương án sản xuất, kinh doanh được Quỹ thẩm định là khả thi;</li><li>Không có nợ quá hạn tại Quỹ và các tổ chức tín dụng;</li><li>Có tài sản bảo đảm hoặc được bảo lãnh theo quy định của Quỹ.</li></ol>',
      '<h2>Mức vay, thời hạn và lãi suất</h2>',
      'Mức cho vay tối đa 2 tỷ đồng đối với một dự án; thời hạn vay đến 60 tháng, có thời gian ân hạn gốc; lãi suất cho vay thấp hơn lãi suất thương mại theo quyết định của Hội đồng quản lý Quỹ từng thời kỳ.',
      '<h2>Hồ sơ vay vốn</h2>',
      'Giấy đề nghị vay vốn, phương án sản xuất kinh doanh, nghị quyết của Đại hội thành viên hoặc Hội đồng quản trị về việc vay vốn, báo cáo tài chính và giấy tờ về tài sản bảo đảm. Hồ sơ nộp tại Quỹ hỗ trợ phát triển HTX, trụ sở Liên minh HTX tỉnh.',
    ],
  },
];

type News = { title: string; category: string; publishedAt?: string; summary: string; body: string[]; tags?: string[]; author?: [string, string] };

const STAFF_AUTHOR: [string, string] = ['Nguyễn Thị Thúy', 'Chánh Văn phòng'];

const NEWS: News[] = [
  {
    title: 'Tập huấn nâng cao năng lực quản trị cho cán bộ quản lý HTX năm 2024',
    category: 'hoi-thao-tap-huan-boi-duong',
    publishedAt: '2024-05-22T09:00:00+07:00',
    summary: 'Hơn 120 học viên là giám đốc, kế toán các HTX tham dự lớp tập huấn về quản trị, tài chính và Luật Hợp tác xã năm 2023.',
    body: ['Trong hai ngày 21 và 22/5/2024, Liên minh HTX tỉnh tổ chức lớp tập huấn nâng cao năng lực quản trị cho hơn 120 cán bộ quản lý HTX trên địa bàn tỉnh.', 'Các học viên được giới thiệu những điểm mới của Luật Hợp tác xã năm 2023, kỹ năng lập kế hoạch sản xuất kinh doanh, quản lý tài chính và chế độ kế toán áp dụng cho HTX.'],
    tags: ['Tập huấn', 'Luật Hợp tác xã 2023'],
  },
  {
    title: 'Hợp tác xã tham gia Hội chợ nông sản, sản phẩm OCOP tại Hà Nội',
    category: 'xuc-tien-thuong-mai',
    publishedAt: '2024-09-14T10:30:00+07:00',
    summary: '15 HTX của tỉnh giới thiệu vải thiều sấy, mỳ Chũ, gà đồi Yên Thế và các sản phẩm OCOP tại hội chợ.',
    body: ['Từ ngày 12 đến 15/9/2024, Liên minh HTX tỉnh hỗ trợ 15 HTX tham gia Hội chợ nông sản và sản phẩm OCOP tại Hà Nội.', 'Nhiều HTX đã ký được biên bản ghi nhớ tiêu thụ sản phẩm với các hệ thống phân phối và doanh nghiệp xuất khẩu.'],
    tags: ['OCOP', 'Hội chợ'],
  },
  {
    title: 'Trao Cờ thi đua và Bằng khen cho các HTX tiêu biểu năm 2024',
    category: 'thi-dua-khen-thuong',
    publishedAt: '2025-03-12T16:00:00+07:00',
    summary: 'Nhiều tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua của khu vực kinh tế tập thể được khen thưởng.',
    body: ['Tại Hội nghị tổng kết năm 2024, Liên minh HTX tỉnh đã trao Cờ thi đua, Bằng khen cho các HTX, cá nhân có thành tích xuất sắc trong phong trào thi đua.', 'Các HTX trong khối thi đua cũng ký giao ước thi đua năm 2025 với các chỉ tiêu về doanh thu, thu nhập của thành viên và chuyển đổi số.'],
    tags: ['Thi đua', 'Khen thưởng'],
  },
  {
    title: 'Hướng dẫn thi hành Luật Hợp tác xã năm 2023: những điểm mới cần lưu ý',
    category: 'chinh-sach-phap-luat',
    publishedAt: '2024-07-03T08:00:00+07:00',
    summary: 'Luật Hợp tác xã năm 2023 có hiệu lực từ ngày 01/7/2024 với nhiều quy định mới về thành viên, tài sản và chính sách hỗ trợ.',
    body: ['Luật Hợp tác xã số 17/2023/QH15 có hiệu lực từ ngày 01/7/2024, thay thế Luật Hợp tác xã năm 2012.', '<h2>Một số điểm mới</h2>', '<ul><li>Bổ sung thành viên liên kết góp vốn và không góp vốn;</li><li>Quy định rõ tài sản chung không chia;</li><li>Mở rộng chính sách hỗ trợ, ưu đãi của Nhà nước.</li></ul>'],
    tags: ['Luật Hợp tác xã 2023', 'Chính sách'],
  },
  {
    title: 'HTX Nông nghiệp Tân Dĩnh: liên kết sản xuất rau an toàn cho hơn 200 hộ',
    category: 'htx-dien-hinh',
    publishedAt: '2025-06-18T09:15:00+07:00',
    summary: 'Từ một tổ hợp tác nhỏ, HTX đã xây dựng vùng rau an toàn 45 ha và ký hợp đồng bao tiêu với ba doanh nghiệp.',
    body: ['HTX Nông nghiệp Tân Dĩnh (huyện Lạng Giang cũ) hiện có 216 thành viên, canh tác 45 ha rau theo tiêu chuẩn VietGAP.', 'Nhờ vốn vay Quỹ hỗ trợ phát triển HTX, HTX đã đầu tư nhà sơ chế và kho lạnh, giúp thu nhập của thành viên tăng gần 30% so với trước.'],
    tags: ['HTX điển hình', 'VietGAP'],
  },
  {
    title: 'Quỹ hỗ trợ phát triển HTX giải ngân 18 dự án trong năm 2025',
    category: 'quy-ho-tro-phat-trien-htx',
    publishedAt: '2025-12-26T14:00:00+07:00',
    summary: 'Tổng số tiền giải ngân đạt hơn 21 tỷ đồng, tập trung vào các dự án nông nghiệp ứng dụng công nghệ cao.',
    body: ['Năm 2025, Quỹ hỗ trợ phát triển HTX tỉnh đã giải ngân cho 18 dự án của các HTX với tổng số tiền hơn 21 tỷ đồng.', 'Các dự án tập trung vào nhà màng, hệ thống tưới tiết kiệm, chế biến và bảo quản nông sản; tỷ lệ nợ quá hạn được kiểm soát dưới 1%.'],
    tags: ['Quỹ hỗ trợ', 'Vốn vay'],
  },
  {
    title: 'Liên minh HTX tỉnh triển khai chuyển đổi số cho các hợp tác xã năm 2026',
    category: 'hoat-dong-lien-minh',
    publishedAt: '2026-02-10T08:30:00+07:00',
    summary: 'Kế hoạch hỗ trợ 100 HTX ứng dụng phần mềm kế toán, truy xuất nguồn gốc và bán hàng trên sàn thương mại điện tử.',
    body: ['Liên minh HTX tỉnh ban hành kế hoạch hỗ trợ chuyển đổi số cho 100 HTX trong năm 2026.', 'Các HTX được hỗ trợ phần mềm kế toán, mã truy xuất nguồn gốc và đào tạo kỹ năng bán hàng trực tuyến.'],
    tags: ['Chuyển đổi số'],
  },
];

const SCHEDULED: News = {
  title: 'Thông báo tổ chức Hội nghị tổng kết hoạt động thành viên năm 2026',
  category: 'hoat-dong-lien-minh',
  summary: 'Liên minh HTX tỉnh tổ chức Hội nghị tổng kết năm 2026 và ký giao ước thi đua năm 2027.',
  body: ['Liên minh HTX tỉnh thông báo tổ chức Hội nghị tổng kết hoạt động thành viên năm 2026, triển khai nhiệm vụ năm 2027.'],
};
const SCHEDULED_AT = '2027-03-01T07:30:00+07:00';
const IN_REVIEW: News = {
  title: 'Kết quả khảo sát nhu cầu vay vốn của các HTX năm 2026',
  category: 'quy-ho-tro-phat-trien-htx',
  summary: 'Hơn 300 HTX trả lời khảo sát về nhu cầu vốn lưu động và vốn đầu tư.',
  body: ['Liên minh HTX tỉnh tổng hợp kết quả khảo sát nhu cầu vay vốn của các HTX để đề xuất tăng vốn điều lệ của Quỹ hỗ trợ.'],
};
const DRAFT: News = {
  title: 'Hội thảo kết nối HTX với doanh nghiệp xuất khẩu nông sản',
  category: 'xuc-tien-thuong-mai',
  summary: 'Dự thảo tin về hội thảo dự kiến tổ chức trong quý I năm 2027.',
  body: ['Nội dung đang được Văn phòng biên tập.'],
};

/** Writes the demo portal of the alliance (nothing if it already has articles); returns what it wrote. */
export async function generateDemoPortal(db: Db, { tenantId }: { tenantId: number }) {
  const [existing] = await db.select({ id: portalArticles.id }).from(portalArticles).where(eq(portalArticles.tenantId, tenantId)).limit(1);
  if (existing) return { articles: 0, pages: 0 };
  const actor = systemActor(tenantId);
  const categories = await db.transaction((tx) => ensureDefaultCategories(tx, tenantId));
  await createCategory(db, { actor, input: { name: 'Giới thiệu', slug: 'gioi-thieu', kind: 'link', path: '/trang/gioi-thieu', inMenu: true } });
  await createCategory(db, { actor, input: { name: 'Liên hệ', slug: 'lien-he', kind: 'link', path: '/trang/lien-he', inMenu: true } });

  const write = async (news: News, extra: Partial<CreateArticleInput> = {}) => {
    const [authorName, authorPosition] = news.author ?? STAFF_AUTHOR;
    const article = await createArticle(db, {
      actor,
      input: { kind: 'news', title: news.title, summary: news.summary, bodyHtml: html(news.body), categoryId: categories.get(news.category) ?? null, tags: news.tags ?? [], authorName, authorPosition, ...extra },
    });
    return article.id;
  };
  const publishOn = async (id: string, shownOn: string) => {
    await publishArticle(db, { actor, id });
    // The date a reader sees is the news' own, not the day the demo was made.
    await db.update(portalArticles).set({ publishedAt: new Date(shownOn), createdAt: new Date(shownOn) }).where(and(eq(portalArticles.tenantId, tenantId), eq(portalArticles.id, id)));
  };

  for (const [i, page] of PAGES.entries()) {
    const id = (await createArticle(db, { actor, input: { kind: 'page', slug: page.slug, title: page.title, summary: page.summary, bodyHtml: html(page.body), menuOrder: i + 1, tags: [] } })).id;
    await publishOn(id, '2024-01-02T08:00:00+07:00');
  }
  const seed = SEED_ARTICLE;
  await publishOn(
    await write({ title: seed.title, category: seed.categorySlug, summary: seed.summary, body: seed.paragraphs, tags: seed.tags, author: [seed.authorName, seed.authorPosition] }),
    seed.publishedAt,
  );
  for (const news of NEWS) await publishOn(await write(news), news.publishedAt!);
  await publishArticle(db, { actor, id: await write(SCHEDULED), publishAt: SCHEDULED_AT });
  await submitArticle(db, { actor, id: await write(IN_REVIEW) });
  await write(DRAFT);
  return { articles: NEWS.length + 4, pages: PAGES.length };
}
