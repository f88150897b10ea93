import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISATION_FIELD_LABELS } from '../../../shared/field-labels.ts';
import { defaultReportYear } from '../../../shared/dates.ts';
import { auditEvents } from '../audit/audit.sql.ts';
import { buildOrganisation } from '../demo/factories.ts';
import { createTestApp, TENANT, type TestApp } from '../../../test/harness.ts';

// Today's communes of the test alliance's province (Bắc Ninh, 2025 codes).
const CAM_LY = '07519'; // Xã Cẩm Lý
const CHU = '07525'; // Phường Chũ
const CANH_THUY = '07738'; // Phường Cảnh Thụy

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

const LABELLED = new Set(Object.keys(ORGANISATION_FIELD_LABELS));

describe('what a reader sees of names and history', () => {
  it('the change history carries only the fields a person filled in, also for events written before derived columns were left out', async () => {
    const org = await create({ name: 'HTX Chè Nếnh', foundedOn: '2012-04-01' });
    const edited = await t.request({ method: 'PATCH', url: `/api/cooperatives/${org.id}`, cookie: staff, payload: { version: org.version, name: 'HTX Chè Nếnh 84', workers: 9 } });
    expect(edited.statusCode, edited.body).toBe(200);
    // An event as an older release wrote it: the whole row, derived and bookkeeping columns included.
    await t.database.db.insert(auditEvents).values({
      tenantId: TENANT,
      actorLabel: 'cũ',
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: org.id,
      at: new Date('2020-01-01T00:00:00Z'),
      before: { id: org.id, tenantId: TENANT, name: 'HTX Chè', nameKey: 'htx che', searchText: 'htx che', nameOrder: 'x', version: 0, updatedAt: '2020-01-01' },
      after: { id: org.id, tenantId: TENANT, name: 'HTX Chè Nếnh', nameKey: 'htx che nenh', searchText: 'htx che nenh', nameOrder: 'y', version: 1, updatedAt: '2020-01-02' },
    });
    const history = await t.request({ url: `/api/cooperatives/${org.id}/history`, cookie: staff });
    expect(history.statusCode).toBe(200);
    const audit = history.json().audit as { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
    expect(audit).toHaveLength(3);
    for (const event of audit) {
      for (const snapshot of [event.before, event.after]) {
        if (!snapshot) continue;
        expect(Object.keys(snapshot).filter((field) => !LABELLED.has(field))).toEqual([]);
      }
    }
    expect(audit[0]!.after).toMatchObject({ name: 'HTX Chè Nếnh 84', workers: 9 });
    expect(audit[2]!.after).toEqual({ name: 'HTX Chè Nếnh' });
    expect(history.body).not.toMatch(/nameKey|searchText|nameOrder|tenantId|updatedAt/);
  });

  it('the organisation itself carries no derived column', async () => {
    const org = await create({ name: 'HTX Chè Đồng Kỳ 8' });
    const read = await t.request({ url: `/api/cooperatives/${org.id}`, cookie: staff });
    expect(read.body).not.toMatch(/nameKey|searchText|nameOrder/);
  });

  it('a national viewer reads the registry with commune names, not codes', async () => {
    await create({ name: 'HTX Rau Cẩm Lý', currentCommuneCode: CAM_LY });
    const viewer = (await t.signIn('national_viewer')).cookie;
    const res = await t.request({ url: '/api/cooperatives?q=rau%20cam%20ly', cookie: viewer });
    expect(res.statusCode, res.body).toBe(200);
    const [item] = res.json().items;
    expect(item).toMatchObject({ name: 'HTX Rau Cẩm Lý', currentCommuneCode: CAM_LY, currentCommuneName: 'Xã Cẩm Lý' });
  });

  it('the commune picker lists the province’s communes in the same order', async () => {
    const res = await t.request({ url: `/api/reference/communes?tenant=${TENANT}` });
    const names = (res.json() as { name: string }[]).map((c) => c.name);
    const at = (name: string) => names.indexOf(name);
    expect(at('Phường Cảnh Thụy')).toBeGreaterThanOrEqual(0);
    expect(at('Phường Cảnh Thụy')).toBeLessThan(at('Xã Cẩm Lý'));
    expect(at('Xã Cẩm Lý')).toBeLessThan(at('Phường Chũ'));
  });

  it('the year-end report lists communes in Vietnamese dictionary order (without Xã/Phường), the unplaced last', async () => {
    for (const code of [CHU, CAM_LY, CANH_THUY]) await create({ currentCommuneCode: code, foundedOn: '2015-01-01' });
    await create({ registeredCommune: 'Xã Không Có Thật', registeredDistrict: 'Không rõ', foundedOn: '2015-01-01' });
    const res = await t.request({ url: `/api/reports/annual?year=${defaultReportYear()}`, cookie: staff });
    expect(res.statusCode, res.body).toBe(200);
    const communes = (res.json().byCurrentCommune as { commune: string }[]).map((c) => c.commune);
    // Cảnh < Cẩm (a before â) < Chũ (â before h), whatever the prefix; code point order would put Cẩm after Chũ.
    // (Xã Tân Dĩnh: the factory's commune of the organisations created above.)
    expect(communes).toEqual(['Phường Cảnh Thụy', 'Xã Cẩm Lý', 'Phường Chũ', 'Xã Tân Dĩnh', 'Chưa xác định xã/phường']);
  });
});
