/** Loading commune boundaries for the dashboard's map: matching, reporting, bounds, rights, audit. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../../../test/harness.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { findCurrentCommunes } from './admin-units.service.ts';
import { boundaryFile, squareFeature } from './boundaries.test-support.ts';
import { communeBoundaries } from './boundaries.sql.ts';

let t: TestApp;
let admin: string;
let communes: { code: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.signIn('alliance_admin')).cookie;
  communes = await findCurrentCommunes(t.database.db, String(TENANT));
});
afterAll(() => t.close());

const put = (payload: unknown, cookie = admin) => t.request({ method: 'PUT', url: '/api/boundaries', cookie, payload: payload as object });
const stored = () => t.database.db.select().from(communeBoundaries);

describe('commune boundaries', () => {
  it('places features by code, by full name and by name without its prefix in any accents, and reports the rest', async () => {
    const [a, b, c] = communes;
    const file = boundaryFile([
      { properties: { ma_xa: Number(a!.code) }, column: 0 }, // a number, leading zero lost as in spreadsheets
      { properties: { ten_xa: b!.name }, column: 1 },
      { properties: { NAME: c!.name.replace(/^(Xã|Phường) /, '').normalize('NFD').toUpperCase() }, column: 2 },
      { properties: { ten_xa: 'Xã Không Có Thật' }, column: 3 },
      { properties: { ten_xa: b!.name }, column: 4 },
      { properties: {}, column: 5 },
    ]);
    const res = await put(file);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.loaded).toBe(3);
    expect(report.communes).toBe(communes.length);
    expect(report.unmatched).toEqual([
      { feature: 4, name: 'Xã Không Có Thật', reason: 'không có xã/phường "Xã Không Có Thật" trong tỉnh' },
      { feature: 5, name: b!.name, reason: `trùng với vùng thứ 2 (${b!.name}); giữ vùng đầu` },
      { feature: 6, name: null, reason: 'không có mã hay tên xã/phường (thuộc tính ma_xa hoặc ten_xa)' },
    ]);
    expect(report.missing).toHaveLength(communes.length - 3);
    expect((await stored()).map((r) => r.code).sort()).toEqual([a!.code, b!.code, c!.code].sort());

    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, TENANT), eq(auditEvents.action, 'boundaries.load')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ loaded: [a!.code, b!.code, c!.code].sort(), unmatched: 3 });
  });

  it('serves the loaded communes to everyone as GeoJSON with their official names', async () => {
    const res = await t.request({ url: `/api/public/boundaries?tenant=${TENANT}` });
    expect(res.statusCode).toBe(200);
    const map = res.json();
    expect(map.type).toBe('FeatureCollection');
    expect(map.features.map((f: { properties: { name: string } }) => f.properties.name).sort()).toEqual(communes.slice(0, 3).map((c) => c.name).sort());
    expect(map.features[0].geometry.type).toBe('Polygon');
    const other = await t.request({ url: `/api/public/boundaries?tenant=${OTHER_TENANT}` });
    expect(other.json().features).toEqual([]);
  });

  it('replaces a commune\'s boundary when it is loaded again', async () => {
    const [a] = communes;
    const res = await put(boundaryFile([{ properties: { ma_xa: a!.code }, column: 9, row: 9 }]));
    expect(res.json().loaded).toBe(1);
    const [row] = await t.database.db.select().from(communeBoundaries).where(eq(communeBoundaries.code, a!.code));
    expect((row!.geometry as { coordinates: number[][][] }).coordinates[0]![0]).toEqual([106.45, 21.65]);
    expect(await stored()).toHaveLength(3);
  });

  it('refuses a file that is not sound, naming the feature, and writes nothing', async () => {
    const before = await stored();
    const cases: [unknown, string][] = [
      [{ type: 'Topology', objects: {} }, 'Tệp phải là một GeoJSON FeatureCollection.'],
      [{ type: 'FeatureCollection', features: [] }, 'Tệp không có vùng nào.'],
      [{ type: 'FeatureCollection', features: [squareFeature({ properties: { ma_xa: communes[5]!.code }, column: 0 }), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106, 21] } }] }, 'Vùng thứ 2 (geometry.type)'],
      [{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[106, 21], [400, 21], [106, 22], [106, 21]]] } }] }, 'toạ độ ngoài phạm vi'],
      [boundaryFile([{ properties: { ten_xa: 'Nơi Nào Đó' }, column: 0 }]), 'Không vùng nào khớp với xã/phường của tỉnh'],
    ];
    for (const [file, message] of cases) {
      const res = await put(file);
      expect(res.statusCode, message).toBe(400);
      expect(res.json().message).toContain(message);
    }
    const huge = await t.request({ method: 'PUT', url: '/api/boundaries', cookie: admin, payload: `{"type":"FeatureCollection","features":[${'0,'.repeat(6 * 1024 * 1024)}0]}`, headers: { 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ field: 'body', message: 'Nội dung gửi lên vượt quá giới hạn 10 MB.' });
    expect(await stored()).toEqual(before);
  });

  it('is loaded by the alliance\'s administrator only', async () => {
    const file = boundaryFile([{ properties: { ma_xa: communes[7]!.code }, column: 0 }]);
    for (const role of ['alliance_staff', 'fund_officer', 'national_viewer', 'coop_manager', 'commune_officer'] as const) {
      const { cookie } = await t.signIn(role);
      expect((await put(file, cookie)).statusCode, role).toBe(403);
    }
    expect((await t.request({ method: 'PUT', url: '/api/boundaries', payload: file })).statusCode).toBe(401);
    expect((await stored()).some((r) => r.code === communes[7]!.code)).toBe(false);
  });
});
