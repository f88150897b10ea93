/**
 * Every page of the web app (staff app and public portal) and who may open it: the list the accessibility
 * journey and the page-by-role walk go through. A new page gets one entry here (see "Adding a page" below).
 *
 * `allowed` are the roles the server lets read what the page shows (its policies; /api/auth/me `can`). A signed-in
 * role not in it must meet the friendly not-allowed page; an anonymous visitor on a page for users goes to the login.
 */
import type { Role } from '../../src/server/modules/accounts/roles.ts';

export type Who = 'anonymous' | Role;
export const EVERYONE: readonly Who[] = ['anonymous', 'alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'national_viewer'];
const SIGNED_IN: Role[] = ['alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'national_viewer'];
const STAFF: Role[] = ['alliance_admin', 'alliance_staff'];
const REPORT_READERS: Role[] = ['alliance_admin', 'alliance_staff', 'fund_officer', 'national_viewer'];
const FUND_AND_MANAGER: Role[] = ['alliance_admin', 'fund_officer', 'coop_manager'];
const UPDATE_READERS: Role[] = ['alliance_admin', 'alliance_staff', 'commune_officer'];
const DIFFICULTY_READERS: Role[] = ['alliance_admin', 'alliance_staff', 'commune_officer'];

/** The objects the pages are opened on: one organisation in the commune officer's commune, managed by the coop manager, with a loan, a difficulty and a recommendation. */
export type PageIds = { organisationId: string; loanId: string; difficultyId: string; recommendationId: string };

export type AppPage = {
  /** Said in a failure message. */
  name: string;
  path: (ids: PageIds) => string;
  allowed: readonly Who[];
  /**
   * What a signed-in user who is not allowed meets: the not-allowed page (default), or a move to one of these
   * paths (the public home and the login send a signed-in user on: staff to the registry, a manager home).
   */
  otherwise?: { redirectTo: readonly string[] };
};

/** The public portal's pages (no menu drawer, no staff frame). */
export const PUBLIC_PAGE_PATHS: readonly string[] = ['/', '/danh-ba', '/so-lieu', '/tin-tuc', '/van-ban', '/su-kien', '/kien-nghi'];

/**
 * Adding a page: one entry with its path and the roles that may open it; both journeys
 * (e2e/accessibility.e2e.ts, e2e/pages-by-role.e2e.ts) then check it for every role at once.
 */
export const PAGES: AppPage[] = [
  // The public portal: rendered on the server (src/server/modules/portal/public), /kien-nghi by src/web/portal.
  { name: 'trang chủ công khai', path: () => '/', allowed: ['anonymous'], otherwise: { redirectTo: ['/registry'] } },
  { name: 'danh bạ công khai', path: () => '/danh-ba', allowed: EVERYONE },
  { name: 'số liệu công khai', path: () => '/so-lieu', allowed: EVERYONE },
  { name: 'tin tức', path: () => '/tin-tuc', allowed: EVERYONE },
  { name: 'văn bản', path: () => '/van-ban', allowed: EVERYONE },
  { name: 'sự kiện', path: () => '/su-kien', allowed: EVERYONE },
  { name: 'khó khăn, kiến nghị công khai', path: () => '/kien-nghi', allowed: EVERYONE },
  // The staff app.
  { name: 'đăng nhập', path: () => '/login', allowed: ['anonymous'], otherwise: { redirectTo: ['/registry', '/member'] } },
  { name: 'sổ đăng ký', path: () => '/registry', allowed: SIGNED_IN },
  { name: 'thêm tổ chức', path: () => '/registry/new', allowed: STAFF },
  { name: 'hồ sơ tổ chức', path: (ids) => `/registry/${ids.organisationId}`, allowed: SIGNED_IN },
  { name: 'sửa tổ chức', path: (ids) => `/registry/${ids.organisationId}/edit`, allowed: [...STAFF, 'coop_manager'] },
  { name: 'nhập từ Excel', path: () => '/imports', allowed: STAFF },
  { name: 'báo cáo', path: () => '/reports', allowed: REPORT_READERS },
  { name: 'kế hoạch năm', path: () => '/reports/plans', allowed: STAFF },
  { name: 'chốt số liệu năm', path: () => '/reports/closed', allowed: [...STAFF, 'fund_officer'] },
  { name: 'báo cáo khó khăn, kiến nghị', path: () => '/reports/requests', allowed: [...STAFF, 'national_viewer'] },
  { name: 'hồ sơ vay', path: () => '/loans', allowed: FUND_AND_MANAGER },
  { name: 'quy định cho vay', path: () => '/loans/rules', allowed: FUND_AND_MANAGER },
  { name: 'đơn vay mới', path: () => '/loans/new', allowed: FUND_AND_MANAGER },
  { name: 'danh mục cho vay', path: () => '/loans/portfolio', allowed: ['alliance_admin', 'fund_officer', 'national_viewer'] },
  { name: 'khoản vay', path: (ids) => `/loans/${ids.loanId}`, allowed: FUND_AND_MANAGER },
  // The annual update's staff pages (src/web/routes/updates; capabilities seeUpdates, seeCompliance).
  { name: 'cập nhật thông tin năm', path: () => '/updates', allowed: UPDATE_READERS },
  { name: 'tình hình cập nhật', path: () => '/updates/compliance', allowed: UPDATE_READERS },
  { name: 'mẫu biểu cập nhật', path: () => '/updates/forms', allowed: UPDATE_READERS },
  // Difficulties and recommendations (src/web/routes/difficulties; seeDifficulties, handleDifficulties, manageLetterSettings).
  { name: 'khó khăn, kiến nghị', path: () => '/difficulties', allowed: DIFFICULTY_READERS },
  { name: 'ghi nhận khó khăn', path: () => '/difficulties/new', allowed: STAFF },
  { name: 'một khó khăn', path: (ids) => `/difficulties/${ids.difficultyId}`, allowed: DIFFICULTY_READERS },
  { name: 'công văn kiến nghị', path: () => '/recommendations', allowed: STAFF },
  { name: 'một kiến nghị', path: (ids) => `/recommendations/${ids.recommendationId}`, allowed: STAFF },
  { name: 'mẫu công văn', path: () => '/recommendations/settings', allowed: ['alliance_admin'] },
  { name: 'cơ quan tiếp nhận', path: () => '/agencies', allowed: STAFF },
  // Accounts (src/web/routes/accounts; manageAccounts) and one's own password.
  { name: 'tài khoản', path: () => '/accounts', allowed: ['alliance_admin'] },
  { name: 'đổi mật khẩu', path: () => '/account/password', allowed: SIGNED_IN },
  // The coop manager's light app (src/web/member; capability raiseDifficulties): their difficulties.
  { name: 'khó khăn của hợp tác xã', path: () => '/member/difficulties', allowed: ['coop_manager'] },
  { name: 'gửi khó khăn, kiến nghị', path: () => '/member/difficulties/new', allowed: ['coop_manager'] },
  // The working-day calendar (src/web/routes/calendar): read by everyone signed in, corrected by the administrator.
  { name: 'lịch ngày làm việc', path: () => '/calendar', allowed: SIGNED_IN },
  // Expert consultations (src/web/routes/consultations; handleConsultations) and the manager's light page.
  { name: 'chuyên gia tư vấn', path: () => '/experts', allowed: STAFF },
  { name: 'tư vấn chuyên sâu', path: () => '/consultations', allowed: STAFF },
  { name: 'tư vấn chuyên sâu của hợp tác xã', path: () => '/member/consultations', allowed: ['coop_manager'] },
  // Emulation (src/web/routes/emulation; manageEmulation) and the manager's light page (reportEmulation).
  { name: 'khối thi đua', path: () => '/emulation', allowed: STAFF },
  { name: 'thi đua của hợp tác xã', path: () => '/member/emulation', allowed: ['coop_manager'] },
  // Awards (src/web/routes/awards; seeAwards, manageAwards, manageAwardKinds).
  { name: 'sổ khen thưởng', path: () => '/awards', allowed: ['alliance_admin', 'alliance_staff', 'commune_officer', 'national_viewer'] },
  { name: 'hồ sơ đề nghị khen', path: () => '/awards/proposals', allowed: STAFF },
  { name: 'quyết định khen thưởng', path: () => '/awards/decisions', allowed: STAFF },
  { name: 'chưa từng được khen', path: () => '/awards/never-recognised', allowed: STAFF },
  { name: 'hình thức khen thưởng', path: () => '/awards/kinds', allowed: ['alliance_admin'] },
  // The portal's editors' pages (src/web/routes/portal/articles, categories; writeArticles, manageLibrary).
  { name: 'tin bài cổng thông tin', path: () => '/portal/articles', allowed: STAFF },
  { name: 'viết tin bài', path: () => '/portal/articles/new', allowed: STAFF },
  { name: 'chuyên mục, menu cổng', path: () => '/portal/categories', allowed: STAFF },
];

/** The pages a role may open. */
export function pagesOf(who: Who): AppPage[] {
  return PAGES.filter((p) => p.allowed.includes(who));
}
