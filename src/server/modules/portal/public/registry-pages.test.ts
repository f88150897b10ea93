/**
 * The directory (/danh-ba) and the figures (/so-lieu) rendered on the server: what a reader without JavaScript
 * gets, the old /directory's 301, and addresses no form makes answering 404.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TENANT, type TestApp } from '../../../../test/harness.ts';
import { systemActor } from '../../accounts/roles.ts';
import { createOrganisation } from '../../cooperatives/cooperatives.service.ts';
import { buildOrganisation } from '../../demo/factories.ts';
import { portalYear } from './public-figures.ts';

let t: TestApp;
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  // A built web root with only the charts' entry: the figures page names its hashed files.
  const webRoot = mkdtempSync(path.join(tmpdir(), 'coop-web-'));
  mkdirSync(path.join(webRoot, 'assets'));
  writeFileSync(path.join(webRoot, 'figures.html'), '<html><head><script type="module" crossorigin src="/assets/figures-abc123.js"></script><link rel="modulepreload" crossorigin href="/assets/EChart-def.js"><link rel="stylesheet" crossorigin href="/assets/figures-x.css"></head><body></body></html>');
  t = await createTestApp({ webRoot });
  const actor = systemActor(TENANT);
  const year = portalYear();
  for (const [name, sectorCode] of [['Hợp tác xã Vải thiều Thanh Hà', 'agriculture'], ['Hợp tác xã Vận tải Đồng Tâm', 'transport'], ['Hợp tác xã Vải thiều Lục Ngạn', 'agriculture']] as const) {
    await createOrganisation(t.database.db, { actor, input: buildOrganisation({ name, sectorCode, foundedOn: `${year - 3}-05-01`, registrationNumber: null }) });
  }
});
afterAll(() => t?.app.close());

describe('/danh-ba', () => {
  it('finds organisations typed without accents, in plain HTML with no script', async () => {
    const res = await get('/danh-ba?q=vai%20thieu');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Hợp tác xã Vải thiều Thanh Hà');
    expect(res.body).toContain('Hợp tác xã Vải thiều Lục Ngạn');
    expect(res.body).not.toContain('Vận tải Đồng Tâm');
    expect(res.body).toContain('2 kết quả');
    expect(res.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
    // A search's own page is not for search engines; the form keeps what was typed.
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(res.body).toContain('value="vai thieu"');
  });
  it('filters by legal form and sector group and says when nothing matches', async () => {
    const res = await get('/danh-ba?q=van%20tai&loai=THT');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Không tìm thấy tổ chức nào.');
    const group = await get('/danh-ba?linh-vuc=non_agriculture');
    expect(group.body).toContain('Vận tải Đồng Tâm');
    expect(group.body).not.toContain('Vải thiều Thanh Hà');
  });
  it('answers 404 to an address no form makes', async () => {
    for (const url of ['/danh-ba?loai=XYZ', '/danh-ba?trang=0', '/danh-ba?trang=99', '/danh-ba?linh-vuc=moon']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
  it('sends the old /directory and its search to the new address', async () => {
    const res = await get('/directory?q=v%E1%BA%A3i&kind=HTX&sectorGroup=agriculture&page=1');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/danh-ba?q=${encodeURIComponent('vải')}&loai=HTX&linh-vuc=agriculture`);
    expect((await get('/directory')).headers.location).toBe('/danh-ba');
  });
});

describe('/so-lieu', () => {
  it('shows the year figures as text and tables, and the charts script of the build', async () => {
    const res = await get('/so-lieu');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Số liệu kinh tế tập thể năm ${portalYear()}`);
    const values = [...res.body.matchAll(/data-testid="figure-value">([^<]*)</g)].map((m) => m[1]);
    expect(values[0]).toBe('3');
    expect(res.body).toContain('<caption>Theo lĩnh vực</caption>');
    expect(res.body).toMatch(/<th scope="row">Nông nghiệp, lâm nghiệp, thủy sản<\/th><td class="num">2<\/td><td class="num">66,67%<\/td>/);
    expect(res.body).toContain('<script type="module" crossorigin src="/assets/figures-abc123.js"></script>');
    const data = JSON.parse(/<script type="application\/json" id="so-lieu-du-lieu">(.*?)<\/script>/s.exec(res.body)![1]!);
    expect(data.data.headline.total).toBe(3);
    expect(data.tenant).toBe(TENANT);
  });
  it('takes another year, and answers 404 outside the ten years offered', async () => {
    const before = await get(`/so-lieu?nam=${portalYear() - 5}`);
    expect(before.statusCode).toBe(200);
    expect([...before.body.matchAll(/data-testid="figure-value">([^<]*)</g)].map((m) => m[1])[0]).toBe('0');
    expect((await get('/so-lieu?nam=1800')).statusCode).toBe(404);
    expect((await get('/so-lieu?nam=abc')).statusCode).toBe(404);
  });
});
