/**
 * The built web app as the server sends it: every asset compressed as the browser accepts (brotli first, then
 * gzip, else as it is), hashed assets cached for a year, HTML revalidated, the public paths answered by the
 * portal entry, the login and the manager's pages by the member entry, and every other page by the staff app. Builds dist/web first when it is missing or stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildWeb from '../../e2e/support/build-web.ts';
import { webRoot } from '../../e2e/support/web-root.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

let t: TestApp;
beforeAll(async () => {
  await buildWeb();
  t = await createTestApp({ webRoot });
}, 180_000);
afterAll(() => t?.close());

/** The script an HTML entry of the build loads (Vite writes one module script per entry). */
function entryScript(html: string): string {
  return /<script type="module" crossorigin src="([^"]+)"/.exec(html)![1]!;
}

const file = (url: string) => readFileSync(path.join(webRoot, url));
const get = (url: string, encoding?: string, headers: Record<string, string> = {}) => t.request({ url, headers: { ...(encoding === undefined ? {} : { 'accept-encoding': encoding }), ...headers } });

describe('assets', () => {
  it('are sent in brotli, gzip or as they are, as the browser accepts, and decompress to the built bytes', async () => {
    const script = entryScript(file('portal.html').toString());
    const built = file(script);

    const br = await get(script, 'gzip, deflate, br, zstd'); // what Chromium sends
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(built.length / 2);
    expect(brotliDecompressSync(br.rawPayload).equals(built)).toBe(true);

    const gzip = await get(script, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(built)).toBe(true);

    const identity = await get(script);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.rawPayload.equals(built)).toBe(true);
  });

  it('are all compressed, and all cached for a year as immutable (their names change with their content)', async () => {
    const assets = readdirSync(path.join(webRoot, 'assets')).filter((f) => /\.(js|css)$/.test(f));
    expect(assets.length).toBeGreaterThan(10);
    for (const asset of assets) {
      const res = await get(`/assets/${asset}`, 'br');
      expect(res.statusCode, asset).toBe(200);
      expect(res.headers['cache-control'], asset).toBe(IMMUTABLE);
      // Brotli gains nothing on a file of a few bytes: the build leaves it as it is.
      if (file(`/assets/${asset}`).length > 200) expect(res.headers['content-encoding'], asset).toBe('br');
    }
    // The compressed files themselves are no pages of the app.
    expect((await get(`/assets/${assets.find((a) => a.endsWith('.js'))}.br`)).headers['content-type']).toMatch(/text\/html/);
  });
});

describe('pages', () => {
  it('sends the portal for the public paths, the member entry for the login and the manager\'s pages, the staff app for every other page, revalidated each time', async () => {
    const portal = entryScript(file('portal.html').toString());
    const staff = entryScript(file('index.html').toString());
    const member = entryScript(file('member.html').toString());
    expect(new Set([portal, staff, member]).size).toBe(3);
    const cases: [string, string][] = [
      ['/kien-nghi', portal],
      ['/registry', staff],
      ['/registry/3f1c1d0e-0000-4000-8000-000000000000/edit', staff],
      ['/loans/portfolio', staff],
      ['/login?next=%2Fdirectory', member],
      ['/member', member],
      ['/member/update/2026?step=3', member],
      ['/member/password', member],
      ['/account/set-password?token=abc', member],
      ['/account/forgot', member],
      ['/account/request', member],
      ['/updates', staff],
      ['/portal/articles', staff],
    ];
    for (const [url, script] of cases) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain(`src="${script}"`);
    }
  });

  it('answers a revalidation of an unchanged page with 304', async () => {
    const first = await get('/kien-nghi', 'br');
    expect(first.headers.etag).toBeTruthy();
    const again = await get('/kien-nghi', 'br', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('leaves the home page to the server-rendered portal: HTML of its own, no script to download, no figures to preload', async () => {
    const home = await get('/', 'br');
    expect(home.statusCode).toBe(200);
    expect(home.headers.link).toBeUndefined();
    expect(home.body).toContain('<html lang="vi">');
    expect(home.body).not.toContain(entryScript(file('portal.html').toString()));
  });

  it('sends a signed-in user from the home page to the registry, and leaves the API its JSON 404', async () => {
    const { cookie } = await t.signIn('alliance_staff');
    const home = await t.request({ url: '/', cookie });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/registry');
    // The public pages stay open to them (the old /directory now answers 301 to the server-rendered /danh-ba).
    expect((await t.request({ url: '/kien-nghi', cookie })).statusCode).toBe(200);
    expect((await t.request({ url: '/directory', cookie })).statusCode).toBe(301);

    // An address that is no page: the staff app's own not-found page for them, the portal's 404 for a reader.
    const mistyped = await t.request({ url: '/members', cookie });
    expect(mistyped.statusCode).toBe(200);
    expect(mistyped.body).toContain(`src="${entryScript(file('index.html').toString())}"`);
    const reader = await get('/members');
    expect(reader.statusCode).toBe(404);
    expect(reader.body).toContain('<h1>Không tìm thấy trang</h1>');

    const api = await get('/api/public/no-such-route', 'br');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });
});
