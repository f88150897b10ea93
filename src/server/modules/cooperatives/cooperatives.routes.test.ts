import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../demo/factories.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

let t: TestApp;
let staff: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = (await t.signIn('alliance_staff')).cookie;
});
afterAll(() => t.close());

async function create(overrides: Parameters<typeof buildOrganisation>[0] = {}) {
  const res = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('registry API', () => {
  it('creates an organisation, stores text NFC and places it in today\'s commune', async () => {
    const decomposed = 'Hợp tác xã Vải thiều Tân Dĩnh'.normalize('NFD');
    const org = await create({ name: `  ${decomposed}  `, registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang', charterCapitalVnd: '1300500000' });
    expect(org.name).toBe('Hợp tác xã Vải thiều Tân Dĩnh'.normalize('NFC'));
    expect(org.charterCapitalVnd).toBe('1300500000');
    expect(org.currentCommuneCode).toMatch(/^\d{5}$/);
    expect(org.sectorGroup).toBe('agriculture');
    expect(org.can).toEqual({ update: true, updateAllFields: true, viewAudit: true });
  });

  it('finds an organisation without accents, case or đ, best match first', async () => {
    await create({ name: 'Hợp tác xã Bưởi Diễn Tân Yên', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
    await create({ name: 'Hợp tác xã Bưởi Tân Yên mở rộng Diễn Đàn', registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' });
    await create({ name: 'Hợp tác xã Đông Đô', registeredCommune: 'Xã Tân Dĩnh' });
    const res = await t.request({ url: '/api/cooperatives?q=buoi%20dien%20tan%20yen', cookie: staff });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items[0].name).toBe('Hợp tác xã Bưởi Diễn Tân Yên');
    const d = await t.request({ url: '/api/cooperatives?q=DONG%20DO', cookie: staff });
    expect(d.json().items.map((i: { name: string }) => i.name)).toContain('Hợp tác xã Đông Đô');
  });

  it('filters and pages', async () => {
    await create({ name: 'Quỹ tín dụng nhân dân Song Khê', kind: 'QTDND', sectorCode: 'credit_fund', foundedOn: '1999-05-01' });
    const funds = await t.request({ url: '/api/cooperatives?sectorGroup=credit_fund', cookie: staff });
    expect(funds.statusCode, funds.body).toBe(200);
    expect(funds.json().items.every((i: { sectorGroup: string }) => i.sectorGroup === 'credit_fund')).toBe(true);
    expect(funds.json().total).toBe(1);
    const page1 = await t.request({ url: '/api/cooperatives?pageSize=2&page=1', cookie: staff });
    const page2 = await t.request({ url: '/api/cooperatives?pageSize=2&page=2', cookie: staff });
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().total).toBe(page2.json().total);
    const ids = [...page1.json().items, ...page2.json().items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    const byYear = await t.request({ url: '/api/cooperatives?foundedYear=1999', cookie: staff });
    expect(byYear.json().items.map((i: { name: string }) => i.name)).toEqual(['Quỹ tín dụng nhân dân Song Khê']);
  });

  it('edits with an audit event and a dated status history, and reads the past as of a date', async () => {
    const org = await create({ name: 'HTX Chè Mỹ Thái', foundedOn: '2010-01-05' });
    const res = await t.request({ method: 'PATCH', url: `/api/cooperatives/${org.id}`, cookie: staff, payload: { version: org.version, status: 'suspended', statusSince: '2024-03-01', workers: 12 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'suspended', workers: 12, version: 2 });
    const stale = await t.request({ method: 'PATCH', url: `/api/cooperatives/${org.id}`, cookie: staff, payload: { version: org.version, workers: 1 } });
    expect(stale.statusCode).toBe(409);
    const history = (await t.request({ url: `/api/cooperatives/${org.id}/history`, cookie: staff })).json();
    expect(history.statuses.map((s: { status: string; validFrom: string }) => [s.status, s.validFrom])).toEqual([
      ['active', '2010-01-05'],
      ['suspended', '2024-03-01'],
    ]);
    expect(history.audit.map((a: { action: string }) => a.action)).toEqual(['organisation.updated', 'organisation.created']);
    expect(history.audit[0].before.workers).toBe(org.workers);
    expect(history.audit[0].after.workers).toBe(12);
    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const past = await t.request({ url: `/api/cooperatives/${org.id}?asOf=${yesterday}`, cookie: staff });
    expect(past.statusCode).toBe(404);
    const today = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const now = await t.request({ url: `/api/cooperatives/${org.id}?asOf=${today}`, cookie: staff });
    expect(now.json().workers).toBe(12);
  });

  it('rejects bad input with a Vietnamese message naming the field and writes nothing', async () => {
    const before = (await t.request({ url: '/api/cooperatives', cookie: staff })).json().total;
    const bad = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: { ...buildOrganisation(), foundedOn: '2020-02-31' } });
    expect(bad.statusCode).toBe(400);
    // The field by its label in the message, by its key in `field` (for the form), never the key in the sentence.
    expect(bad.json()).toMatchObject({ field: 'foundedOn', message: 'Ngày thành lập: Ngày không tồn tại' });
    const unknown = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: { ...buildOrganisation(), colour: 'red' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/colour/);
    const malformed = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect((await t.request({ url: '/api/cooperatives', cookie: staff })).json().total).toBe(before);
  });

  it('keeps a registration number with a wrong check digit, with a warning', async () => {
    const org = await create({ registrationNumber: '2401025126' });
    expect(org.registrationNumber).toBe('2401025126');
    expect(org.warnings).toEqual([{ field: 'registrationNumber', message: expect.stringMatching(/kiểm tra/i) }]);
    const good = await create({ registrationNumber: '2401025125' });
    expect(good.warnings).toEqual([]);
  });

  it('refuses a duplicate registration number', async () => {
    const org = await create();
    const again = await t.request({ method: 'POST', url: '/api/cooperatives', cookie: staff, payload: buildOrganisation({ registrationNumber: org.registrationNumber }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('registrationNumber');
  });
});
