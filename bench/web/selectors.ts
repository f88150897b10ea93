/**
 * Where each page's main data shows, in one place so that a redesign of the pages changes only this file.
 * Each list is tried in order by the in-page probe (bench/web/probe.ts): the first selector that matches a
 * visible element marks the page usable. Prefer roles, labels and test ids over Ant Design's class names; the
 * class names stay as fallbacks for the pages as they are today.
 */
import type { Page, Locator } from 'playwright-core';

export type PageSpec = {
  /** Short name in the table. */
  name: string;
  path: string;
  /** Signed in as alliance_staff? */
  staff: boolean;
  /** Signed in as a coop manager (of one demo cooperative)? */
  manager?: boolean;
  /** "Usable": the first of these CSS selectors to show a visible element. */
  usable: string[];
};

export const PAGES: PageSpec[] = [
  {
    name: 'home',
    path: '/',
    staff: false,
    // The headline figures' numbers (rendered on the server since issue 15: in the first bytes of HTML).
    usable: ['[data-testid="headline-figures"] [data-testid="figure-value"]', '[data-testid="headline-figures"]', 'ul.figures strong', '.ant-statistic-content-value'],
  },
  {
    name: 'directory',
    path: '/danh-ba',
    staff: false,
    // The result list (the search itself is timed separately, see searchDirectory).
    usable: ['[data-testid="directory-entry"]', '[role="list"] [role="listitem"]'],
  },
  {
    name: 'article',
    // The demo's seed article (src/server/modules/demo/demo.portal.ts), rendered on the server.
    path: '/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023',
    staff: false,
    usable: ['main h1'],
  },
  {
    name: 'figures',
    path: '/so-lieu',
    staff: false,
    // The figures as text (the charts come after, drawn by a small script).
    usable: ['[data-testid="headline-figures"] [data-testid="figure-value"]'],
  },
  {
    name: 'registry',
    path: '/registry',
    staff: true,
    // Table rows on a wide screen, cards on a phone.
    usable: ['[data-testid="registry-table"] tbody tr[data-row-key]', '[data-testid="organisation-card"]', 'table tbody tr[data-row-key]'],
  },
  {
    name: 'dashboard',
    path: '/reports',
    staff: true,
    // The headline figures or the first chart drawn, whichever comes first.
    usable: ['[data-testid="headline-figures"]', '.ant-statistic-content-value', 'div[role="img"] canvas', 'div[role="img"] svg'],
  },
  {
    name: 'member home',
    path: '/member',
    staff: false,
    manager: true,
    // The state of the year's update (the organisation and it come in one answer).
    usable: ['[data-testid="member-update-state"]'],
  },
  {
    name: 'member update',
    // The year it is in Vietnam: the update being filed.
    path: `/member/update/${new Date(Date.now() + 7 * 3_600_000).getUTCFullYear()}`,
    staff: false,
    manager: true,
    // The first field of the first section, ready for typing.
    usable: ['[data-testid^="field-"] input'],
  },
];

/** The directory's search box: found by role and name (or placeholder), as a person would find it. */
export function directorySearchBox(page: Page): Locator {
  // The directory's own form first: the portal's header has a search box too (news and documents).
  return page
    .locator('form[action="/danh-ba"] input[type="search"]')
    .or(page.getByRole('searchbox'))
    .or(page.getByRole('textbox', { name: /tìm|search/i }))
    .or(page.getByPlaceholder(/tìm|search/i))
    .first();
}

/** The search query typed into the directory. */
export const DIRECTORY_QUERY = 'chè';

/** The directory's result entries, to see that the answer to the query replaced what was shown before. */
export const DIRECTORY_RESULTS = ['[data-testid="directory-entry"]', '[role="list"] [role="listitem"]'];
