/**
 * Every route, every role. The route list comes from the app itself, so a new route without a row here
 * fails the suite. Each row says which roles may pass (any answer but 401/403) and what the others get.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { openDatabase } from '../db/client.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { buildOrganisation } from './modules/demo/factories.ts';
import { createOrganisation } from './modules/cooperatives/cooperatives.service.ts';
import { systemActor } from './modules/accounts/roles.ts';
import { createTestApp, OTHER_TENANT, TENANT, type TestApp } from '../test/harness.ts';
import { withDatabaseName } from '../test/global-setup.ts';
import { createLoanFixture, loanRows, type LoanFixture } from './modules/loans/loans.authorization-rows.ts';
import { createImportFixture, importRows, type ImportFixture } from './modules/imports/imports.authorization-rows.ts';
import { reportRows } from './modules/reports/reports.authorization-rows.ts';
import { requestsReportRows } from './modules/difficulties/requests-report.authorization-rows.ts';
import { calendarRows } from './modules/calendar/calendar.authorization-rows.ts';
import { accountRows, createAccountFixture, type AccountFixture } from './modules/accounts/accounts.authorization-rows.ts';
import { complianceRows } from './modules/annual-updates/compliance.authorization-rows.ts';
import { annualUpdateRows, createAnnualUpdateFixture, type AnnualUpdateFixture } from './modules/annual-updates/annual-updates.authorization-rows.ts';
import { boundaryFile } from './modules/admin-units/boundaries.test-support.ts';
import { createDifficultyFixture, difficultyRows, type DifficultyFixture } from './modules/difficulties/difficulties.authorization-rows.ts';
import { consultationRows, createConsultationFixture, type ConsultationFixture } from './modules/consultations/consultations.authorization-rows.ts';
import { createRecommendationFixture, recommendationRows, type RecommendationFixture } from './modules/difficulties/recommendations.authorization-rows.ts';
import { articleRows, createArticleFixture, type ArticleFixture } from './modules/portal/articles.authorization-rows.ts';
import { createEmulationFixture, emulationRows, type EmulationFixture } from './modules/emulation/emulation.authorization-rows.ts';
import { createLibraryFixture, libraryRows, type LibraryFixture } from './modules/portal/library.authorization-rows.ts';
import { awardRows, createAwardFixture, type AwardFixture } from './modules/awards/awards.authorization-rows.ts';

type Who =
  | 'anonymous'
  | 'alliance_admin'
  | 'alliance_staff'
  | 'fund_officer'
  | 'commune_officer'
  | 'coop_manager'
  | 'other_coop_manager'
  | 'national_viewer'
  | 'other_tenant_staff'
  // An alliance_staff of the tenant with users.portal_editor (decision 009): allowed where alliance_staff is, unless a row names it.
  | 'portal_editor';
const EVERYONE: Who[] = ['anonymous', 'alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'other_coop_manager', 'national_viewer', 'other_tenant_staff', 'portal_editor'];
const SIGNED_IN = EVERYONE.filter((w) => w !== 'anonymous');

type Fixture = { orgId: string; otherOrgId: string };
type Row = { route: string; request: (f: Fixture) => InjectOptions; allowed: Who[]; freshSession?: boolean };

const ROWS: Row[] = [
  { route: 'GET /api/health', request: () => ({ url: '/api/health' }), allowed: EVERYONE },
  { route: 'POST /api/auth/login', request: () => ({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@x.vn', password: 'wrong-password' } }), allowed: [], freshSession: true },
  { route: 'POST /api/auth/logout', request: () => ({ method: 'POST', url: '/api/auth/logout' }), allowed: EVERYONE, freshSession: true },
  { route: 'GET /api/auth/me', request: () => ({ url: '/api/auth/me' }), allowed: EVERYONE },
  { route: 'GET /api/reference/sectors', request: () => ({ url: '/api/reference/sectors' }), allowed: EVERYONE },
  { route: 'GET /api/reference/alliances', request: () => ({ url: '/api/reference/alliances' }), allowed: EVERYONE },
  { route: 'GET /api/reference/communes', request: () => ({ url: `/api/reference/communes?tenant=${TENANT}` }), allowed: EVERYONE },
  { route: 'GET /api/public/directory', request: () => ({ url: '/api/public/directory?q=htx' }), allowed: EVERYONE },
  { route: 'GET /api/public/boundaries', request: () => ({ url: `/api/public/boundaries?tenant=${TENANT}` }), allowed: EVERYONE },
  // A real commune of the tenant's province (2025 code of Phường Bắc Giang), so that an allowed load succeeds.
  { route: 'PUT /api/boundaries', request: () => ({ method: 'PUT', url: '/api/boundaries', payload: boundaryFile([{ properties: { ten_xa: 'Phường Bắc Giang' }, column: 0 }]) }), allowed: ['alliance_admin'] },
  {
    route: 'GET /api/cooperatives',
    request: () => ({ url: '/api/cooperatives' }),
    allowed: SIGNED_IN,
  },
  {
    route: 'POST /api/cooperatives',
    request: () => ({ method: 'POST', url: '/api/cooperatives', payload: buildOrganisation({ registrationNumber: null }) }),
    // Staff of another alliance create in their own alliance (checked below), never in this one.
    allowed: ['alliance_admin', 'alliance_staff', 'other_tenant_staff'],
  },
  {
    route: 'GET /api/cooperatives/:id',
    request: (f) => ({ url: `/api/cooperatives/${f.orgId}` }),
    allowed: ['alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'national_viewer'],
  },
  {
    route: 'PATCH /api/cooperatives/:id',
    request: (f) => ({ method: 'PATCH', url: `/api/cooperatives/${f.orgId}`, payload: { version: 1, phone: '0912345678' } }),
    allowed: ['alliance_admin', 'alliance_staff', 'coop_manager'],
  },
  {
    route: 'GET /api/cooperatives/:id/history',
    request: (f) => ({ url: `/api/cooperatives/${f.orgId}/history` }),
    allowed: ['alliance_admin', 'alliance_staff', 'fund_officer', 'commune_officer', 'coop_manager', 'national_viewer'],
  },
  // The loan book (its rows and the loans they act on live beside its code).
  ...loanRows(() => ({ ...loanFixture, orgId: fixture.orgId })),
  ...importRows(() => importFixture),
  ...reportRows(),
  ...requestsReportRows(),
  ...calendarRows(),
  ...accountRows(() => ({ ...accountFixture, orgId: fixture.orgId })),
  ...complianceRows(),
  ...annualUpdateRows(() => ({ ...updateFixture, orgId: fixture.orgId })),
  ...difficultyRows(() => difficultyFixture),
  ...consultationRows(() => consultationFixture),
  ...recommendationRows(() => recommendationFixture),
  ...articleRows(() => articleFixture),
  ...emulationRows(() => emulationFixture),
  ...libraryRows(() => libraryFixture),
  ...awardRows(() => awardFixture),
];

let t: TestApp;
let fixture: Fixture;
let loanFixture: LoanFixture;
let importFixture: ImportFixture;
let accountFixture: Omit<AccountFixture, 'orgId'>;
let updateFixture: AnnualUpdateFixture;
let difficultyFixture: DifficultyFixture;
let consultationFixture: ConsultationFixture;
let recommendationFixture: RecommendationFixture;
let articleFixture: ArticleFixture;
let emulationFixture: EmulationFixture;
let libraryFixture: LibraryFixture;
let awardFixture: AwardFixture;
const cookies = new Map<Who, string | undefined>();
const routes: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const org = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ registeredCommune: 'Xã Tân Dĩnh', registeredDistrict: 'Lạng Giang' }) });
  const other = await createOrganisation(t.database.db, { actor: systemActor(TENANT), input: buildOrganisation({ registeredCommune: 'Xã Cao Xá', registeredDistrict: 'Tân Yên' }) });
  fixture = { orgId: org.id, otherOrgId: other.id };
  cookies.set('anonymous', undefined);
  for (const role of ['alliance_admin', 'alliance_staff', 'fund_officer', 'national_viewer'] as const) cookies.set(role, (await t.signIn(role)).cookie);
  cookies.set('commune_officer', (await t.signIn('commune_officer', { communeCode: org.currentCommuneCode! })).cookie);
  cookies.set('coop_manager', (await t.signIn('coop_manager', { organisationId: org.id })).cookie);
  cookies.set('other_coop_manager', (await t.signIn('coop_manager', { organisationId: other.id })).cookie);
  cookies.set('other_tenant_staff', (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie);
  cookies.set('portal_editor', (await t.signIn('alliance_staff', { portalEditor: true })).cookie);
});
beforeAll(async () => {
  loanFixture = await createLoanFixture(t.database.db, fixture.orgId, (await t.signIn('fund_officer')).actor);
  importFixture = await createImportFixture(t.database.db);
  accountFixture = await createAccountFixture(t.database.db);
  updateFixture = await createAnnualUpdateFixture(t.database.db);
  difficultyFixture = await createDifficultyFixture(t.database.db, fixture.orgId, updateFixture.readId);
  consultationFixture = await createConsultationFixture(t.database.db, fixture.orgId);
  recommendationFixture = await createRecommendationFixture(t.database.db, fixture.orgId);
  articleFixture = await createArticleFixture(t.database.db);
  emulationFixture = await createEmulationFixture(t.database.db, fixture.orgId);
  libraryFixture = await createLibraryFixture(t.database.db);
  awardFixture = await createAwardFixture(t.database.db, fixture.orgId);
});
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('has a row for every API route of the app', () => {
    const listed = new Set(ROWS.map((r) => r.route));
    routes.push(...apiRoutes(t));
    expect(routes.length).toBeGreaterThanOrEqual(ROWS.length);
    const missing = routes.filter((r) => !listed.has(r));
    expect(missing, `routes without an authorization row: ${missing.join(', ')}`).toEqual([]);
  });

  for (const row of ROWS) {
    it(row.route, async () => {
      for (const who of EVERYONE) {
        // Each request gets a fresh version so that allowed PATCHes do not conflict with one another.
        const options = row.request(fixture);
        if (options.method === 'PATCH' && options.url?.toString().startsWith('/api/cooperatives/')) {
          const current = await t.request({ url: `/api/cooperatives/${fixture.orgId}`, cookie: cookies.get('alliance_admin') });
          options.payload = { ...(options.payload as object), version: current.json().version };
        }
        const cookie = row.freshSession ? await freshCookie(who) : cookies.get(who);
        const res = await t.request({ ...options, cookie });
        const denied = res.statusCode === 401 || res.statusCode === 403 || (res.statusCode === 404 && [fixture.orgId, ...loanFixture.ids, importFixture.importId, ...accountFixture.ids, ...updateFixture.ids, ...difficultyFixture.ids, ...consultationFixture.ids, ...recommendationFixture.ids, ...articleFixture.ids, ...emulationFixture.ids, ...libraryFixture.ids, ...awardFixture.ids].some((id) => options.url?.toString().includes(id)));
        if (allowedFor(row).includes(who)) {
          expect(denied, `${who} should pass ${row.route}, got ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(false);
          expect(res.statusCode, `${who} ${row.route}`).toBeLessThan(500);
        } else if (row.route !== 'POST /api/auth/login') {
          expect(denied, `${who} must not pass ${row.route}, got ${res.statusCode}`).toBe(true);
          expect(res.statusCode).toBe(who === 'anonymous' ? 401 : res.statusCode === 404 ? 404 : 403);
        } else {
          expect(res.statusCode).toBe(401);
        }
      }
    });
  }

  it("a cooperative's manager cannot read or change another cooperative by id", async () => {
    const cookie = cookies.get('coop_manager');
    const read = await t.request({ url: `/api/cooperatives/${fixture.otherOrgId}`, cookie });
    expect(read.statusCode).toBe(404);
    const write = await t.request({ method: 'PATCH', url: `/api/cooperatives/${fixture.otherOrgId}`, cookie, payload: { version: 1, phone: '0900000000' } });
    expect(write.statusCode).toBe(404);
    const list = await t.request({ url: '/api/cooperatives', cookie });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([fixture.orgId]);
  });

  it('a manager may change only the annual-update fields of its own cooperative', async () => {
    const cookie = cookies.get('coop_manager');
    const current = await t.request({ url: `/api/cooperatives/${fixture.orgId}`, cookie });
    const res = await t.request({ method: 'PATCH', url: `/api/cooperatives/${fixture.orgId}`, cookie, payload: { version: current.json().version, charterCapitalVnd: '1' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ field: 'charterCapitalVnd', message: expect.stringContaining('Vốn điều lệ') });
  });

  it('staff of another alliance see none of this alliance\'s organisations', async () => {
    const list = await t.request({ url: '/api/cooperatives?pageSize=200', cookie: cookies.get('other_tenant_staff') });
    const ids = list.json().items.map((i: { id: string; tenantId: number }) => i.id);
    expect(ids).not.toContain(fixture.orgId);
    expect(list.json().items.every((i: { tenantId: number }) => i.tenantId === OTHER_TENANT)).toBe(true);
    const read = await t.request({ url: `/api/cooperatives/${fixture.orgId}`, cookie: cookies.get('other_tenant_staff') });
    expect(read.statusCode).toBe(404);
  });

  it('the public directory carries no personal data', async () => {
    const res = await t.request({ url: '/api/public/directory' });
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(2);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(['currentCommuneCode', 'currentCommuneName', 'id', 'kind', 'name', 'sectorCode', 'status']);
    }
    // No phone number anywhere but in the random ids (a uuid may hold "09" and eight digits).
    expect(JSON.stringify(body.items.map(({ id: _id, ...rest }: { id: string }) => rest))).not.toMatch(/09\d{8}/);
  });
});

// No GET writes (decision 005): a read must be servable by a read-only replica, and must never hold a write lock.
describe('no GET writes', () => {
  // Every GET route × every role, twice: a few hundred requests, more as routes are added (not a speed check).
  it('every GET route answers every role the same with the database read-only', { timeout: 300_000 }, async () => {
    const reads = ROWS.filter((r) => r.route.startsWith('GET '));
    expect(reads.length).toBeGreaterThan(20);
    const answered = new Map<string, number>();
    for (const row of reads) {
      for (const who of EVERYONE) answered.set(`${who} ${row.route}`, (await t.request({ ...row.request(fixture), cookie: cookies.get(who) })).statusCode);
    }
    const readOnly = await readOnlyApp();
    try {
      for (const row of reads) {
        for (const who of EVERYONE) {
          const res = await readOnly.inject({ ...row.request(fixture), headers: { host: 'localhost:80', ...(cookies.get(who) ? { cookie: cookies.get(who) } : {}) } });
          expect(res.body, `${who} ${row.route}`).not.toMatch(/read-only transaction/);
          expect(res.statusCode, `${who} ${row.route}: ${res.body.slice(0, 200)}`).toBe(answered.get(`${who} ${row.route}`));
        }
      }
      // The check can fail: a write in the same mode is refused.
      const write = await readOnly.inject({ method: 'PATCH', url: `/api/cooperatives/${fixture.orgId}`, headers: { host: 'localhost:80', origin: 'http://localhost:80', cookie: cookies.get('alliance_admin')! }, payload: { version: 1, phone: '0912345678' } });
      expect(write.statusCode).toBeGreaterThanOrEqual(500);
    } finally {
      await readOnly.restore();
    }
  });
});

/**
 * The app over the same database in read-only mode: on PGlite (one connection) the session's default; on
 * PostgreSQL the database's default, for a second app whose connections are all new.
 */
async function readOnlyApp(): Promise<{ inject: FastifyInstance['inject']; restore(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    await t.database.exec('set default_transaction_read_only = on');
    return { inject: t.app.inject.bind(t.app), restore: async () => void (await t.database.exec('set default_transaction_read_only = off')) };
  }
  const [{ name } = { name: '' }] = (await t.database.exec('select current_database() as name')) as { name: string }[];
  await t.database.exec(`alter database "${name}" set default_transaction_read_only = on`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
  const app = await buildApp({ config: loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), database, logger: false, webRoot: '/nonexistent' });
  return {
    inject: app.inject.bind(app),
    async restore() {
      await app.close();
      await database.close();
      await t.database.exec(`begin; set transaction read write; alter database "${name}" reset default_transaction_read_only; commit`);
    },
  };
}

/** Who may pass a row: as listed; a portal editor wherever alliance_staff may, when the row does not name it. */
function allowedFor(row: Row): Who[] {
  return row.allowed.includes('portal_editor') || !row.allowed.includes('alliance_staff') ? row.allowed : [...row.allowed, 'portal_editor'];
}

/** A new session for a role, for rows (logout) that end the session they use. */
async function freshCookie(who: Who): Promise<string | undefined> {
  if (who === 'anonymous') return undefined;
  if (who === 'coop_manager') return (await t.signIn('coop_manager', { organisationId: fixture.orgId })).cookie;
  if (who === 'other_coop_manager') return (await t.signIn('coop_manager', { organisationId: fixture.otherOrgId })).cookie;
  if (who === 'other_tenant_staff') return (await t.signIn('alliance_staff', { tenantId: OTHER_TENANT })).cookie;
  if (who === 'commune_officer') return (await t.signIn('commune_officer', { communeCode: '00000' })).cookie;
  if (who === 'portal_editor') return (await t.signIn('alliance_staff', { portalEditor: true })).cookie;
  return (await t.signIn(who)).cookie;
}

function apiRoutes(app: TestApp): string[] {
  return [...new Set(app.app.apiRoutes)];
}
