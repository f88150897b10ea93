/**
 * The public view of difficulties over HTTP, anonymous, on the fixture of requests-report.test-support.ts:
 * d1 published with consent 'named'; d3 published, 'anonymous' (answered by Sở Tài chính through R1); d4 marked
 * published but consent 'no' (never public); d2 consent 'named' but not published; another alliance's published one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { insertRequestsFixture, type Fixture } from './requests-report.test-support.ts';

let t: TestApp;
let f: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await insertRequestsFixture(t.database.db, TENANT, OTHER_TENANT);
}, 120_000);
afterAll(() => t.close());

describe('the published list', () => {
  it('shows the published ones only, a name only with consent, the answers, and nothing internal', async () => {
    const res = await t.request({ url: `/api/public/difficulties?tenant=${TENANT}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, no-cache');
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { id: string }) => i.id).sort()).toEqual([f.ids.d1, f.ids.d3].sort());
    const d1 = body.items.find((i: { id: string }) => i.id === f.ids.d1);
    const d3 = body.items.find((i: { id: string }) => i.id === f.ids.d3);
    expect(d1).toMatchObject({ code: '2025-0001', cooperative: 'HTX A', state: 'closed', outcome: 'resolved', directAnswer: { content: 'Liên minh đã hướng dẫn hồ sơ vay Quỹ.' } });
    expect(d3.cooperative).toBe(`Một hợp tác xã ở ${f.communes[1]!.name}`);
    expect(d3.letter).toEqual({ agency: 'Sở Tài chính', number: '12/LMHTX-VP', date: '2025-04-03' });
    expect(d3.answers).toEqual([{ agency: 'Sở Tài chính', letterNumber: '345/STC-QLG', letterDate: '2025-04-10', content: 'Sở Tài chính đã hướng dẫn thủ tục thuê đất.' }]);
    const text = res.body;
    // The anonymous one's cooperative, who raised them, staff's notes, files: none of it.
    expect(text).not.toContain('HTX C');
    expect(text).not.toContain('HTX B');
    expect(text).not.toContain('nguoi-nop@htx.vn');
    expect(text).not.toContain('ghi chú nội bộ');
    expect(text).not.toMatch(/"(files|raisedBy|unitInCharge|organisationId|publicConsent)"/);
  });

  it('filters by category and year, and pages', async () => {
    const land = (await t.request({ url: `/api/public/difficulties?tenant=${TENANT}&category=land` })).json();
    expect(land.items.map((i: { id: string }) => i.id)).toEqual([f.ids.d3]);
    const y2024 = (await t.request({ url: `/api/public/difficulties?tenant=${TENANT}&year=2024` })).json();
    expect(y2024.total).toBe(0);
    const page2 = (await t.request({ url: `/api/public/difficulties?tenant=${TENANT}&page=2` })).json();
    expect(page2).toMatchObject({ page: 2, total: 2, items: [] });
  });

  it('refuses a bad filter with a Vietnamese message naming it', async () => {
    const res = await t.request({ url: `/api/public/difficulties?tenant=${TENANT}&category=weather` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Lĩnh vực (category)');
  });

  it('asks which alliance when there are several and none is named', async () => {
    const res = await t.request({ url: '/api/public/difficulties' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Liên minh');
  });
});

describe('one published difficulty', () => {
  it('opens a published one', async () => {
    const res = await t.request({ url: `/api/public/difficulties/${f.ids.d3}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: f.ids.d3, title: 'Khó khăn d3', category: 'land', state: 'answered' });
  });

  it('is not found when unpublished, without consent, of another alliance when one is named, or not an id', async () => {
    for (const url of [
      `/api/public/difficulties/${f.ids.d2}`,
      `/api/public/difficulties/${f.ids.d4}`,
      `/api/public/difficulties/${f.otherId}?tenant=${TENANT}`,
      '/api/public/difficulties/00000000-0000-0000-0000-000000000000',
      '/api/public/difficulties/khong-phai-ma',
    ]) {
      const res = await t.request({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('HTX');
    }
  });
});

describe('the public figures', () => {
  it('counts a year by category and by agency, published or not', async () => {
    const res = await t.request({ url: `/api/public/difficulties/figures?tenant=${TENANT}&year=2025` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const land = body.byCategory.find((c: { category: string }) => c.category === 'land');
    expect(land).toEqual({ category: 'land', label: 'Đất đai', received: 2, answered: 2, resolved: 0 });
    const capital = body.byCategory.find((c: { category: string }) => c.category === 'capital_credit');
    // d1 answered directly and resolved, d8 answered (in 2026), d12 answered, d13 answered and resolved.
    expect(capital).toEqual({ category: 'capital_credit', label: 'Vốn, tín dụng', received: 4, answered: 4, resolved: 2 });
    expect(body.byAgency).toEqual([
      { agency: 'Ngân hàng Chính sách xã hội tỉnh', received: 4, answered: 4, resolved: 2 },
      { agency: 'Sở Tài chính', received: 3, answered: 2, resolved: 0 },
    ]);
    expect(res.body).not.toContain('HTX');
  });
});
