/**
 * axe-core (WCAG 2.0/2.1 A and AA) over a page as it stands, in Chromium. The script goes in through the DevTools
 * protocol (page.evaluate), which the pages' CSP (no inline script) does not stop.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** The rules the page breaks, with the elements that break them. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** "rule at selector" for each element of each violation: short enough for an assertion's diff. */
export async function axeProblems(page: Page): Promise<string[]> {
  return (await axeViolations(page)).flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
}
