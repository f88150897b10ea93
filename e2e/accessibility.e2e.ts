/**
 * axe-core (WCAG 2.0/2.1 A and AA) over every page each role may open (e2e/support/pages.ts), on a phone
 * (360 px) and a desktop (1366 px), in Chromium: no violation. Each role's pages share one signed-in context
 * per width; each page is checked in its first state, the phone menu also opened. A failure names the page,
 * the rule and the elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJourney, type Journey } from './support/journey.ts';
import { pagesOf } from './support/pages.ts';
import { contextFor, openSettled, ROLES_TO_WALK, seedRoleFixture, type RoleFixture } from './support/role-fixture.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [360, 1366] as const;

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

let journey: Journey;
let fixture: RoleFixture;
beforeAll(async () => {
  journey = await startJourney();
  fixture = await seedRoleFixture(journey);
});
afterAll(async () => {
  await journey?.close();
});

/** axe over the page as it stands; the script goes in through the DevTools protocol (the CSP allows no inline script). */
async function violations(page: Page): Promise<Violation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

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
          for (const appPage of pagesOf(who)) {
            const path = appPage.path(fixture.ids);
            await openSettled(page, `${journey.baseUrl}${path}`);
            found.push(...describeViolations(`${who} ${width}px ${path}`, await violations(page)));
            // On a phone the menu is a drawer behind a button: its open state too, once.
            const menuButton = page.getByTestId('menu-button');
            if (width < 768 && path === pagesOf(who).find((p) => p.path(fixture.ids) !== '/' && p.path(fixture.ids) !== '/directory')?.path(fixture.ids) && (await menuButton.count()) > 0) {
              await menuButton.click();
              await page.locator('.ant-drawer-open').waitFor();
              // Contrast is measured at rest: after the drawer's slide-in and fade.
              await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
              found.push(...describeViolations(`${who} ${width}px ${path} (menu open)`, await violations(page)));
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
