/**
 * Opens each page as a person meets it, on a throttled phone and on a desktop, with a cold and a warm browser
 * cache, and reads what the browser measured (bench/web/probe.ts, bench/web/network.ts).
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { NetworkMeter } from './network.ts';
import { installProbe, type ProbeState } from './probe.ts';
import { DIRECTORY_QUERY, DIRECTORY_RESULTS, directorySearchBox, PAGES, type PageSpec } from './selectors.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export type Profile = { name: 'phone' | 'desktop'; context: BrowserContextOptions; throttled: boolean; waitMs: number };

export const PROFILES: Profile[] = [
  // A mid-range phone on a slow 4G link: CPU 4× slower, 150 ms latency, 1.6 Mbps down, 750 kbps up.
  { name: 'phone', context: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }, throttled: true, waitMs: 60_000 },
  { name: 'desktop', context: { viewport: { width: 1366, height: 768 } }, throttled: false, waitMs: 30_000 },
];

export type Visit = {
  profile: Profile['name'];
  cache: 'cold' | 'warm';
  page: string;
  lcpMs: number | null;
  usableMs: number | null;
  usableBy: string | null;
  /** The directory only: from typing the query to its results shown. */
  searchMs: number | null;
  jsBytes: number;
  jsFiles: number;
  totalBytes: number;
  requests: number;
  fromCache: number;
  consoleErrors: string[];
  error: string | null;
};

// The probe is serialised into the page; tsx (esbuild, keepNames) wraps inner functions in __name(), which the
// page does not have: give it one.
const probeScript = (selectors: string[]) => `(() => { const __name = (f) => f; (${installProbe.toString()})(${JSON.stringify(selectors)}); })();`;
const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n));

async function throttle(cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>, profile: Profile): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (!profile.throttled) return;
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/**
 * Polls an expression from here: page.waitForFunction evaluates its predicate with `new Function` inside the
 * page, which the server's Content Security Policy (no 'unsafe-eval') refuses; DevTools' own evaluation is not
 * subject to it.
 */
async function until(page: Page, expression: string, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A search on a server-rendered page navigates: while the next document loads there is nothing to evaluate.
  while (!(await page.evaluate(expression).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Types the query into the directory's search box and waits until the first result is another one. */
async function searchDirectory(page: Page, waitMs: number): Promise<number> {
  const box = directorySearchBox(page);
  await box.waitFor({ timeout: waitMs });
  const firstText = `(() => { for (const s of ${JSON.stringify(DIRECTORY_RESULTS)}) { const e = document.querySelector(s); if (e) return e.textContent; } return null; })()`;
  const before = (await page.evaluate(firstText)) as string | null;
  const started = performance.now();
  await box.fill(DIRECTORY_QUERY);
  await box.press('Enter');
  await until(page, `${firstText} !== ${JSON.stringify(before)}`, waitMs, 'the results of the search did not show');
  return Math.round(performance.now() - started);
}

async function visit(context: BrowserContext, baseUrl: string, spec: PageSpec, profile: Profile, cache: Visit['cache']): Promise<Visit> {
  const page = await context.newPage();
  page.setDefaultTimeout(profile.waitMs);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => consoleErrors.push(`page error: ${e.message.slice(0, 300)}`));
  const cdp = await context.newCDPSession(page);
  const meter = new NetworkMeter(cdp);
  await throttle(cdp, profile);
  await page.addInitScript({ content: probeScript(spec.usable) });
  let probe: ProbeState | null = null;
  let searchMs: number | null = null;
  let error: string | null = null;
  let totals: typeof meter.totals;
  try {
    await page.goto(baseUrl + spec.path, { waitUntil: 'commit', timeout: profile.waitMs });
    await until(page, 'window.__benchProbe?.usableAt != null', profile.waitMs, 'the main data did not show');
    await page.waitForLoadState('load', { timeout: profile.waitMs });
    // What loads after the main data (charts below, lazy chunks) belongs to the page too.
    await meter.settled(1_000, 15_000);
    probe = (await page.evaluate('window.__benchProbe')) as ProbeState;
    totals = { ...meter.totals };
    if (spec.name === 'directory') searchMs = await searchDirectory(page, profile.waitMs);
  } catch (e) {
    error = (e as Error).message.split('\n')[0]!.slice(0, 300);
    probe ??= (await page.evaluate('window.__benchProbe').catch(() => null)) as ProbeState | null;
    totals = { ...meter.totals };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
  return {
    profile: profile.name,
    cache,
    page: spec.name,
    lcpMs: round(probe?.lcp),
    usableMs: round(probe?.usableAt),
    usableBy: probe?.usableBy ?? null,
    searchMs,
    jsBytes: totals.jsBytes,
    jsFiles: totals.jsFiles,
    totalBytes: totals.totalBytes,
    requests: totals.requests,
    fromCache: totals.fromCache,
    consoleErrors,
    error,
  };
}

const skipped = (profile: Profile, spec: PageSpec, cache: Visit['cache']): Visit => ({
  profile: profile.name, cache, page: spec.name, lcpMs: null, usableMs: null, usableBy: null, searchMs: null,
  jsBytes: 0, jsFiles: 0, totalBytes: 0, requests: 0, fromCache: 0, consoleErrors: [], error: 'skipped: time budget spent (--budget)',
});

/** Every page × profile × cache; each page starts from a new context (an empty cache), then visits again in it. */
export async function measurePages(options: { baseUrl: string; sessionToken: string; managerToken?: string; budgetMs: Record<Profile['name'], number>; log: (s: string) => void; only?: string[] }): Promise<Visit[]> {
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const visits: Visit[] = [];
  try {
    for (const profile of PROFILES) {
      const deadline = Date.now() + options.budgetMs[profile.name];
      for (const spec of PAGES.filter((p) => !options.only || options.only.includes(p.name))) {
        const context = await browser.newContext({ ...profile.context, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
        const token = spec.staff ? options.sessionToken : spec.manager ? options.managerToken : undefined;
        if (token) await context.addCookies([{ name: 'coop_session', value: token, url: options.baseUrl, httpOnly: true, sameSite: 'Strict' }]);
        for (const cache of ['cold', 'warm'] as const) {
          if (Date.now() > deadline) {
            options.log(`  ${profile.name} ${cache} ${spec.name}: skipped (the run's time budget is spent)`);
            visits.push(skipped(profile, spec, cache));
            continue;
          }
          const result = await visit(context, options.baseUrl, spec, profile, cache);
          options.log(`  ${profile.name} ${cache} ${spec.name}: LCP ${result.lcpMs ?? '—'} ms, usable ${result.usableMs ?? '—'} ms${result.error ? ` (${result.error})` : ''}`);
          visits.push(result);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return visits;
}
