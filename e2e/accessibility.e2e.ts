/**
 * axe-core (WCAG 2.0/2.1 A and AA) over every page each role may open (e2e/support/pages.ts; the public ones once, as a visitor), on a phone
 * (360 px) and a desktop (1366 px), in Chromium: no violation. Each role's pages share one signed-in context
 * per width; each page is checked in its first state, the phone menu also opened. A failure names the page,
 * the rule and the elements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Violation } from './support/axe.ts';
import { startJourney, type Journey } from './support/journey.ts';
import { pagesOf, PUBLIC_PAGE_PATHS } from './support/pages.ts';
import { contextFor, openSettled, ROLES_TO_WALK, seedRoleFixture, type RoleFixture } from './support/role-fixture.ts';

const WIDTHS = [360, 1366] as const;

let journey: Journey;
let fixture: RoleFixture;
beforeAll(async () => {
  journey = await startJourney();
  fixture = await seedRoleFixture(journey);
});
afterAll(async () => {
  await journey?.close();
});


function describeViolations(where: string, found: Violation[]): string[] {
  return found.flatMap((v) => v.nodes.map((n) => `${where}: ${v.id} (${v.help}) at ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`));
}

// A role walks some thirty pages at two widths: minutes, not the default three, on a busy machine.
describe('accessibility (axe, WCAG 2.1 AA) of every page', { timeout: 480_000 }, () => {
  for (const who of ROLES_TO_WALK) {
    it(`${who}: every page it may open, at 360 and 1366 px`, async () => {
      const found: string[] = [];
      for (const width of WIDTHS) {
        const { context, page } = await contextFor(journey, fixture, who, { width, height: width < 768 ? 740 : 900 });
        try {
          // The public pages are the same for every reader: checked once, as the anonymous visitor.
          for (const appPage of pagesOf(who).filter((p) => who === 'anonymous' || !PUBLIC_PAGE_PATHS.includes(p.path(fixture.ids)))) {
            const path = appPage.path(fixture.ids);
            await openSettled(page, `${journey.baseUrl}${path}`);
            found.push(...describeViolations(`${who} ${width}px ${path}`, await axeViolations(page)));
            // On a phone the menu is a drawer behind a button: its open state too, once.
            const menuButton = page.getByTestId('menu-button');
            if (width < 768 && path === pagesOf(who).find((p) => !PUBLIC_PAGE_PATHS.includes(p.path(fixture.ids)))?.path(fixture.ids) && (await menuButton.count()) > 0) {
              await menuButton.click();
              await page.locator('.ant-drawer-open').waitFor();
              // Contrast is measured at rest: after the drawer's slide-in and fade.
              await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
              found.push(...describeViolations(`${who} ${width}px ${path} (menu open)`, await axeViolations(page)));
              await page.keyboard.press('Escape');
            }
          }
        } finally {
          await context.close();
        }
      }
      if (found.length > 0) console.log(`${who}: ${found.length} violations\n${found.join('\n')}`);
      expect(found).toEqual([]);
    });
  }
});
