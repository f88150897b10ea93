/**
 * What the page journeys open the pages on: a few organisations, the fund's rules and one disbursed loan of the
 * organisation that the coop manager runs and that lies in the commune officer's commune, two of its difficulties (one in a
 * recommendation draft); one account per role.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { systemActor, type Actor, type Role } from '../../src/server/modules/accounts/roles.ts';
import { createOrganisation } from '../../src/server/modules/cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../../src/server/modules/demo/factories.ts';
import { disbursedLoan, issueRules } from '../../src/server/modules/loans/loans.test-support.ts';
import { raiseDifficulties } from '../../src/server/modules/difficulties/difficulties.raise.ts';
import { createRecommendation } from '../../src/server/modules/difficulties/recommendations.service.ts';
import { createAccount, TENANT_ID, type Journey } from './journey.ts';
import type { PageIds, Who } from './pages.ts';
import { seedOrganisations } from './seed.ts';

export const ROLES_TO_WALK: readonly Who[] = ['anonymous', 'alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'national_viewer'];

export type RoleFixture = { ids: PageIds; accounts: Record<Role, { email: string; password: string }> };

export async function seedRoleFixture(journey: Journey): Promise<RoleFixture> {
  const db = journey.database.db;
  await seedOrganisations(journey, 12);
  const org = await createOrganisation(db, { actor: systemActor(TENANT_ID), input: buildOrganisation({ name: 'Hợp tác xã Vải thiều Phượng Sơn', registeredCommune: 'Xã Tân Dĩnh' }) });
  await issueRules(db);
  const officer: Actor = { kind: 'user', userId: null, email: 'can-bo-quy@lienminh.test', role: 'fund_officer', tenantId: TENANT_ID, organisationId: null, communeCode: null };
  const loan = await disbursedLoan(db, { organisationId: org.id, amountVnd: '30000000', termMonths: 3, disbursedOn: '2025-01-10', appraiser: officer, approver: systemActor(TENANT_ID) });
  // Two difficulties of that organisation (raised at a visit); the second grouped into a recommendation draft.
  const raised = await raiseDifficulties(db, {
    actor: systemActor(TENANT_ID),
    input: { organisationIds: [org.id], channel: 'visit', category: 'market', title: 'Khó tiêu thụ vải thiều vụ mới', description: 'Thương lái ép giá, hợp tác xã cần kết nối bếp ăn tập thể và siêu thị.', publicConsent: 'anonymous' },
  });
  const grouped = await raiseDifficulties(db, {
    actor: systemActor(TENANT_ID),
    input: { organisationIds: [org.id], channel: 'phone', category: 'capital_credit', title: 'Thiếu vốn mua kho lạnh', description: 'Hợp tác xã cần vay vốn ưu đãi để mua kho lạnh bảo quản vải.', publicConsent: 'no' },
  });
  const recommendation = await createRecommendation(db, { actor: systemActor(TENANT_ID), input: { subject: 'V/v hỗ trợ vốn mua kho lạnh cho hợp tác xã', category: 'capital_credit', difficultyIds: [grouped.items[0]!.id] } });
  const accounts = {
    alliance_admin: await createAccount(journey, 'alliance_admin'),
    alliance_staff: await createAccount(journey, 'alliance_staff'),
    fund_officer: await createAccount(journey, 'fund_officer'),
    commune_officer: await createAccount(journey, 'commune_officer', { communeCode: org.currentCommuneCode ?? '00000' }),
    coop_manager: await createAccount(journey, 'coop_manager', { organisationRegistrationNumber: org.registrationNumber! }),
    national_viewer: await createAccount(journey, 'national_viewer'),
  };
  return { ids: { organisationId: org.id, loanId: loan.id, difficultyId: raised.items[0]!.id, recommendationId: recommendation.id }, accounts };
}

/** A browser context for one role (signed in through the login page unless anonymous), shared by its pages. */
export async function contextFor(journey: Journey, fixture: RoleFixture, who: Who, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await journey.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  if (who !== 'anonymous') {
    // Through the API (the login page itself is walked as a page): the context keeps the session cookie.
    const response = await context.request.post(`${journey.baseUrl}/api/auth/login`, { data: fixture.accounts[who], headers: { origin: journey.baseUrl } });
    if (!response.ok()) throw new Error(`login as ${who}: ${response.status()} ${await response.text()}`);
  }
  return { context, page };
}

/** Opens a path and waits until the page has settled: no request in flight, no spinner left. */
export async function openSettled(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]'), undefined, { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}
