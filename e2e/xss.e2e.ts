/**
 * Attacks (issue "Measured and hardened", item 4): organisations whose names, addresses and representatives
 * carry script, SVG/onerror, javascript: and iframe payloads go in through the real API and a workbook import,
 * then every page that shows them — registry search, the record and its audit trail, the public directory,
 * the dashboard — shows them as text: nothing runs, no element of a payload reaches the DOM, no dialog opens.
 * Also: the security headers of an HTML page, the session cookie's flags, and where the login page may send
 * a user afterwards.
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedRegistry, registrationNumberAt } from '../src/server/modules/imports/test-files.ts';
import { createAccount, logIn, PASSWORD, startJourney, type Journey } from './support/journey.ts';

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '<svg onload="window.__xss=1">';
const JS_URL = 'javascript:window.__xss=1//';
const IFRAME = '"><iframe srcdoc="<script>parent.__xss=1</script>">';
// The commune code is at most 10 characters: enough for an element the DOM check can find by its id.
const SHORT = '<i id=xss>';

// Chromium sends a file name's quotes as %22: this one has none.
const FILE_NAME = '<svg onload=window.__xss=1>.xlsx';

/** Every organisation's name carries the word MARK, so one search finds them all. */
const MARK = 'Quetxss';
const NAMES = {
  script: `Hợp tác xã ${MARK} ${SCRIPT}`,
  img: `Hợp tác xã ${MARK} ${IMG}`,
  svg: `Hợp tác xã ${MARK} ${SVG}`,
  iframe: `Hợp tác xã ${MARK} ${IFRAME}`,
  imported: `HTX ${MARK} nhập ${IMG}`,
  duplicate: `HTX ${MARK} trùng ${IFRAME}`,
  renamed: `Hợp tác xã ${MARK} ${SVG} ${JS_URL}`,
};

const baseInput = {
  kind: 'HTX',
  status: 'active',
  foundedOn: '2019-03-15',
  sectorCode: 'agriculture',
  charterCapitalVnd: '500000000',
  membersOfficial: 9,
  membersAssociatedCapital: 0,
  membersAssociatedNoCapital: 0,
  workers: 4,
};

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => {
  await journey?.close();
});

/** What a payload may have left in the page: scripts, frames, handlers or javascript: links from the data. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push('window.__xss is set');
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (tag === 'iframe' || tag === 'object' || tag === 'embed') found.push(`<${tag}>`);
      if (element.id === 'xss') found.push(`<${tag} id=xss>`);
      if (tag === 'script' && element.textContent?.includes('__xss')) found.push('<script> with the payload');
      for (const attribute of element.attributes) {
        if (attribute.value.includes('__xss')) found.push(`<${tag} ${attribute.name}="${attribute.value}">`);
        if (attribute.name.startsWith('on')) found.push(`<${tag} ${attribute.name}>`);
        if ((attribute.name === 'href' || attribute.name === 'src') && /^\s*javascript:/i.test(attribute.value)) found.push(`<${tag} ${attribute.name}=javascript:>`);
      }
    }
    return found;
  });
}

/** Opens a fresh page that records dialogs (alert, confirm, prompt) besides page errors and CSP reports. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await journey.newPage();
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems };
}

async function expectClean(page: Page, problems: string[], where: string) {
  expect(await injected(page), where).toEqual([]);
  expect(page.frames(), `${where}: frames`).toHaveLength(1);
  expect(problems, where).toEqual([]);
}

async function postJson(request: APIRequestContext, path: string, data: unknown, method: 'POST' | 'PATCH' = 'POST') {
  const response = await request.fetch(`${journey.baseUrl}${path}`, { method, data, headers: { origin: journey.baseUrl } });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

describe('hostile text in the registry', () => {
  it('is stored as typed and shown as text on every page', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const { page, problems } = await watchedPage();
    await logIn(page, journey.baseUrl, staff);
    // The session the browser got is out of the page's reach.
    expect(await page.context().cookies()).toEqual([expect.objectContaining({ name: 'coop_session', httpOnly: true, sameSite: 'Strict' })]);
    expect(await page.evaluate(() => document.cookie)).not.toContain('coop_session');

    // Through the API, as the web app sends it.
    const first = await postJson(page.request, '/api/cooperatives', {
      ...baseInput,
      name: NAMES.script,
      shortName: JS_URL,
      foreignName: IFRAME,
      address: IMG,
      registeredCommune: SVG,
      registeredDistrict: `${IMG} Huyện`,
      currentCommuneCode: SHORT,
      representative: SVG,
      phone: '<b id=xss>0912</b>',
    });
    expect(first.name).toBe(NAMES.script);
    expect(first.address).toBe(IMG);
    for (const name of [NAMES.img, NAMES.svg, NAMES.iframe]) await postJson(page.request, '/api/cooperatives', { ...baseInput, name, address: name });

    // Through the import page: hostile file name and rows, one of them twice (the duplicate is listed by name).
    const row = (n: number, name: string) => [n, name, 'HTX', registrationNumberAt(4242), 'Xã Tân Dĩnh', 'Lạng Giang', 'Nông nghiệp', '1/6/2015', 120, 9, 'Đang hoạt động'];
    const workbook = await generatedRegistry(0, [row(1, NAMES.imported), row(2, NAMES.duplicate)]);
    await page.goto(`${journey.baseUrl}/imports`);
    await page.locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook });
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getByTestId('import-count-imported').innerText()).toContain('1');
    expect(await result.innerText()).toContain(FILE_NAME);
    expect(await result.innerText()).toContain(NAMES.duplicate);
    await expectClean(page, problems, 'import report');

    // An edit, so that the audit trail has hostile values on both sides.
    await postJson(page.request, `/api/cooperatives/${first.id}`, { version: first.version, name: NAMES.renamed, address: SCRIPT }, 'PATCH');

    // Registry search: every one of them listed, names as text.
    await page.goto(`${journey.baseUrl}/registry`);
    const search = page.getByTestId('registry-search').locator('input');
    await search.fill(MARK.toLowerCase());
    await search.press('Enter');
    const links = page.getByTestId('registry-table').getByRole('link');
    await expect.poll(() => links.allInnerTexts()).toEqual(expect.arrayContaining([NAMES.renamed, NAMES.img, NAMES.svg, NAMES.iframe, NAMES.imported]));
    // An unknown commune code is shown as stored, in the place column.
    expect(await page.getByTestId('registry-table').getByText(SHORT, { exact: true }).count()).toBe(1);
    await expectClean(page, problems, 'registry search');

    // The record, every field as typed.
    await page.getByRole('link', { name: NAMES.renamed }).click();
    await expect.poll(() => page.getByTestId('organisation-name').innerText()).toBe(NAMES.renamed);
    expect(await page.getByTestId('field-address').innerText()).toBe(SCRIPT);
    expect(await page.getByTestId('field-foreignName').innerText()).toBe(IFRAME);
    expect(await page.getByTestId('field-shortName').innerText()).toBe(JS_URL);
    expect(await page.getByTestId('field-representative').innerText()).toBe(SVG);
    expect(await page.getByTestId('field-registeredCommune').innerText()).toBe(SVG);
    await expectClean(page, problems, 'detail');

    // Its audit trail: before and after of the name and the address.
    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    const nameChange = page.getByTestId('audit-change-name').first();
    await nameChange.waitFor();
    expect(await nameChange.innerText()).toContain(NAMES.script);
    expect(await nameChange.innerText()).toContain(NAMES.renamed);
    expect(await page.getByTestId('audit-change-address').first().innerText()).toContain(IMG);
    await expectClean(page, problems, 'audit trail');

    // The dashboard: districts and communes from the data in filters, chart labels and tooltips.
    await page.goto(`${journey.baseUrl}/reports`);
    const communes = page.getByRole('img', { name: 'Theo xã, phường hiện nay' });
    await communes.waitFor();
    await page.waitForTimeout(300); // the charts' first animation
    await communes.scrollIntoViewIfNeeded();
    const box = (await communes.boundingBox())!;
    // Commune tiles, eight to a row inside the grid's 4 px margins: hover each of the first row, whose tooltip
    // (HTML that ECharts writes) names the commune — for an unknown code, the code as stored.
    const tooltips: string[] = [];
    for (let column = 0; column < 8; column++) {
      await page.mouse.move(box.x + 4 + ((column + 0.5) * (box.width - 8)) / 8, box.y + 40);
      await page.waitForTimeout(80);
      tooltips.push(await communes.innerText());
      expect(await injected(page), `commune tile ${column}`).toEqual([]);
    }
    expect(tooltips.join('\n')).toContain(SHORT);
    await expectClean(page, problems, 'dashboard');
  });

  // With the organisations of the test above.
  it('shows the public directory to anonymous visitors as text', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${journey.baseUrl}/danh-ba?q=${MARK}`);
    const entries = page.getByTestId('directory-entry');
    await expect.poll(() => entries.count()).toBe(5);
    const texts = (await entries.allInnerTexts()).join('\n');
    for (const name of [NAMES.renamed, NAMES.img, NAMES.svg, NAMES.iframe, NAMES.imported]) expect(texts).toContain(name);
    await expectClean(page, problems, 'public directory');
  });
});

describe('headers, cookies and redirects', () => {
  it('sends a strict CSP and the other security headers with an HTML page', async () => {
    const response = await fetch(`${journey.baseUrl}/registry`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const csp = Object.fromEntries(
      (response.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
    );
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // The API's JSON too: no sniffing it into HTML.
    expect((await fetch(`${journey.baseUrl}/api/public/directory?q=${MARK}`)).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const response = await fetch(`${journey.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: journey.baseUrl },
      body: JSON.stringify({ email: staff.email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^coop_session=[\w-]{40,};/);
    const flags = cookie!.split(';').slice(1).map((f) => f.trim().toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
  });

  it('sends a user back into the app after login, never to another site', async () => {
    const staff = await createAccount(journey, 'alliance_staff');
    const { page, problems } = await watchedPage();
    // Nothing leaves the machine, whatever happens.
    await page.route((url) => url.hostname.endsWith('evil.invalid'), (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'escaped' }));
    const landing = async (next: string) => {
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      const url = new URL(page.url());
      expect(url.origin, `next=${next}`).toBe(journey.baseUrl);
      expect(await injected(page), `next=${next}`).toEqual([]);
      return `${url.pathname}${url.search}`;
    };

    // Logging in from a link whose `next` points elsewhere: "/\host" is "//host" to a URL parser.
    await page.goto(`${journey.baseUrl}/login?next=${encodeURIComponent('/\\evil.invalid/x')}`);
    await page.fill('#email', staff.email);
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    expect(await landing('/\\evil.invalid/x')).toBe('/registry');

    // Arriving at the login page already signed in takes the same way out.
    for (const next of ['//evil.invalid/x', '/\t/evil.invalid/x']) {
      await page.goto(`${journey.baseUrl}/login?next=${encodeURIComponent(next)}`);
      expect(await landing(next)).toBe('/registry');
    }
    // A path of the app itself is kept, query included.
    await page.goto(`${journey.baseUrl}/login?next=${encodeURIComponent('/danh-ba?q=gom')}`);
    expect(await landing('/danh-ba?q=gom')).toBe('/danh-ba?q=gom');
    expect(problems).toEqual([]);
  });
});
