/**
 * Every page as every role (e2e/support/pages.ts): a page a role may open loads without a console error or a
 * refused request (no 4xx from /api), with one h1 and the skip link as its first Tab stop; a page it may not open says so in Vietnamese (or asks an anonymous visitor
 * to log in) without asking the server for what it would refuse; and nothing offered leads to a refusal: every
 * menu entry and link points at a page the role may open, every download link of the API answers, and the
 * action buttons follow what /api/auth/me (`can`) and the organisation's own `can` say.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourney, type Journey } from './support/journey.ts';
import { PAGES, type AppPage, type Who } from './support/pages.ts';
import { contextFor, openSettled, ROLES_TO_WALK, seedRoleFixture, type RoleFixture } from './support/role-fixture.ts';

const NOT_ALLOWED = 'Bạn không có quyền mở trang này.';

let journey: Journey;
let fixture: RoleFixture;
beforeAll(async () => {
  journey = await startJourney();
  fixture = await seedRoleFixture(journey);
});
afterAll(async () => {
  await journey?.close();
});

const PLACEHOLDER = { organisationId: ':id', loanId: ':id', difficultyId: ':id', recommendationId: ':id' };

/** The page a path of this site opens ("/registry/new" before "/registry/:id"), or null when it is none of the list. */
function pageAt(pathname: string): AppPage | null {
  const wanted = pathname.replace(/(.)\/$/, '$1');
  const literal = PAGES.find((p) => p.path(PLACEHOLDER) === wanted);
  if (literal) return literal;
  const parts = wanted.split('/');
  const matches = (p: AppPage) => {
    const pattern = p.path(PLACEHOLDER).split('/');
    return pattern.length === parts.length && pattern.every((segment, i) => segment === ':id' || segment === parts[i]);
  };
  return PAGES.find(matches) ?? null;
}

/** What the page offers: the menu's entries and the links of this site, as paths; the API's download links apart. */
async function offered(page: Page): Promise<{ paths: string[]; apiLinks: string[] }> {
  return page.evaluate(() => {
    const paths = new Set<string>();
    const apiLinks = new Set<string>();
    for (const item of document.querySelectorAll('[data-menu-id]')) {
      const key = /-(\/[^]*)$/.exec(item.getAttribute('data-menu-id') ?? '')?.[1];
      if (key) paths.add(key);
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      if (a.getAttribute('href')?.startsWith('#')) continue; // the skip link, within the page
      const url = new URL(a.href, location.href);
      if (url.origin !== location.origin) continue;
      if (url.pathname.startsWith('/api/')) apiLinks.add(url.pathname + url.search);
      else paths.add(url.pathname);
    }
    return { paths: [...paths], apiLinks: [...apiLinks] };
  });
}

type Can = Record<string, boolean>;

/** Action buttons and the capability (of /api/auth/me) that must say yes for them to be shown. */
const ACTIONS: { page: string; button: RegExp; capability: string }[] = [
  { page: '/registry', button: /Thêm tổ chức/, capability: 'manageRegistry' },
  { page: '/registry', button: /Nhập từ Excel/, capability: 'manageRegistry' },
  { page: '/reports/closed', button: /Chốt năm/, capability: 'closeYears' },
];

async function walk(who: Who) {
  const { context, page } = await contextFor(journey, fixture, who, { width: 1366, height: 900 });
  const problems: string[] = [];
  let where = '(đăng nhập)';
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${where}: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${where}: page error: ${e.message}`));
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/') && r.status() >= 400) problems.push(`${where}: ${r.request().method()} ${url.pathname}${url.search} → ${r.status()}`);
  });
  const me = (await (await page.request.get(`${journey.baseUrl}/api/auth/me`)).json()) as { user: { can: Can } | null };
  const can: Can = me.user?.can ?? {};
  try {
    for (const appPage of PAGES) {
      const path = appPage.path(fixture.ids);
      where = `${who} ${path}`;
      await openSettled(page, `${journey.baseUrl}${path}`);
      const shownPath = new URL(page.url()).pathname;
      const notAllowedShown = await page.getByText(NOT_ALLOWED).isVisible();
      if (appPage.allowed.includes(who)) {
        expect.soft(shownPath, `${where}: the page moved elsewhere`).toBe(path);
        expect.soft(notAllowedShown, `${where}: a page the role may open says it may not`).toBe(false);
        // Structure: one h1 names the page; the first Tab stop is the skip link to the main content.
        expect.soft(await page.locator('h1').count(), `${where}: one h1`).toBe(1);
        await page.keyboard.press('Tab');
        const firstStop = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.outerHTML.slice(0, 80));
        expect.soft(firstStop, `${where}: the first Tab stop is the skip link`).toBe('#main');
        expect.soft(await page.locator('#main').count(), `${where}: the skip link's target`).toBe(1);
      } else if (who === 'anonymous') {
        expect.soft(shownPath, `${where}: an anonymous visitor is asked to log in`).toBe('/login');
      } else if (appPage.otherwise) {
        expect.soft(appPage.otherwise.redirectTo, `${where}: moves on`).toContain(shownPath);
      } else {
        expect.soft(notAllowedShown, `${where}: the not-allowed page in words`).toBe(true);
      }
      // Everything offered on the page, whatever page it ended up on, leads somewhere the role may go.
      const { paths, apiLinks } = await offered(page);
      for (const target of paths) {
        const known = pageAt(target);
        // A page that sends this role elsewhere (the public home, the login) is no refusal: it lands where it may be.
        if (known && !known.otherwise) expect.soft(known.allowed, `${where}: offers ${target} (${known.name})`).toContain(who);
      }
      for (const link of apiLinks) {
        const status = (await page.request.get(`${journey.baseUrl}${link}`)).status();
        expect.soft(status, `${where}: download link ${link}`).toBeLessThan(400);
      }
      for (const action of ACTIONS.filter((a) => a.page === path)) {
        const shown = (await page.getByRole('button', { name: action.button }).count()) > 0;
        expect.soft(shown, `${where}: button ${action.button.source} follows can.${action.capability}`).toBe(Boolean(can[action.capability]));
      }
    }
    // The organisation's own `can` decides its edit button.
    if (['alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'national_viewer'].includes(who)) {
      where = `${who} /registry/${fixture.ids.organisationId}`;
      await openSettled(page, `${journey.baseUrl}/registry/${fixture.ids.organisationId}`);
      const organisation = (await (await page.request.get(`${journey.baseUrl}/api/cooperatives/${fixture.ids.organisationId}`)).json()) as { can: { update: boolean } };
      expect.soft(await page.getByTestId('edit-button').count(), `${where}: edit button follows the organisation's can.update`).toBe(organisation.can.update ? 1 : 0);
    }
  } finally {
    await context.close();
  }
  expect(problems).toEqual([]);
}

// A role walks every page of the app: minutes on a busy machine.
describe('every page as every role', { timeout: 480_000 }, () => {
  for (const who of ROLES_TO_WALK) {
    it(`${who}: allowed pages load cleanly, others say so, nothing offered is refused`, async () => {
      await walk(who);
    });
  }
});
