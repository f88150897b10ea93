/**
 * The target of `npm run scan` (scripts/scan.sh): the real app on 127.0.0.1 only, over a throw-away in-memory
 * database holding the demo province, lending rules and one disbursed loan, an import run, and a second alliance
 * (for the tenant-isolation probes). Signed-in accounts, whose random passwords are never shown: the alliance's
 * staff (registry, imports, reports), fund officer (loans), administrator (rules, plans, boundaries), a commune
 * officer and a cooperative's manager, and the second alliance's staff and fund officer. Prints one line
 * `SCAN_TARGET {json}` (port, cookies, ids, Vietnam's date today) once it listens, then serves until
 * SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { SESSION_COOKIE } from '../src/server/http/session.ts';
import { createUser } from '../src/server/modules/accounts/accounts.service.ts';
import { systemActor, type Actor, type Role } from '../src/server/modules/accounts/roles.ts';
import { disbursedLoan } from '../src/server/modules/demo/demo.loans.ts';
import { setLoanRules } from '../src/server/modules/loans/loan-rules.service.ts';
import type { LoanRulesInput } from '../src/server/modules/loans/loans.schemas.ts';
import { addMonthsClamped, todayIso } from '../src/shared/dates.ts';
import { generateDemoProvince } from '../src/server/modules/demo/demo.generator.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';

const HOST = '127.0.0.1';

// The second alliance, whose people must see nothing of the first.
const OTHER_ALLIANCE = { id: 1, provinceCode: '01', name: 'Liên minh HTX thành phố Hà Nội' };

async function main(): Promise<void> {
  const database = await openDatabase({ inMemory: true });
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  await ensureAlliance(database.db, OTHER_ALLIANCE);
  await generateDemoProvince(database.db, { tenantId: DEFAULT_ALLIANCE.id });
  // The data is stamped in Vietnam's time: so are the dates the scan sends, at any hour of the day.
  const today = todayIso(new Date(), 'Asia/Ho_Chi_Minh');

  const [organisation, borrower] = await queryRows<{ id: string; registration_number: string; current_commune_code: string }>(
    database.db,
    sql`select id, registration_number, current_commune_code from organisations
        where tenant_id = ${DEFAULT_ALLIANCE.id} and status = 'active' and registration_number is not null and current_commune_code is not null
        order by registration_number limit 2`,
  );
  if (!organisation || !borrower) throw new Error('the demo province has no active organisation to scan');

  const staff = await createAccount(database, 'alliance_staff');
  const fundOfficer = await createAccount(database, 'fund_officer');
  const admin = await createAccount(database, 'alliance_admin');
  const communeOfficer = await createAccount(database, 'commune_officer', { communeCode: organisation.current_commune_code });
  const manager = await createAccount(database, 'coop_manager', { organisationRegistrationNumber: borrower.registration_number });
  const otherStaff = await createAccount(database, 'alliance_staff', { tenantId: OTHER_ALLIANCE.id });
  const otherFund = await createAccount(database, 'fund_officer', { tenantId: OTHER_ALLIANCE.id });

  // Lending rules in force and a loan disbursed a month ago (applied, appraised by the officer, approved by the
  // administrator: two people), so that the loan routes have something to answer with.
  await setLoanRules(database.db, { actor: systemActor(DEFAULT_ALLIANCE.id), input: SCAN_RULES });
  const loan = await disbursedLoan(database.db, {
    organisationId: borrower.id,
    amountVnd: '100000000',
    termMonths: 12,
    disbursedOn: addMonthsClamped(today, -1),
    appraiser: actorOf(fundOfficer, 'fund_officer'),
    approver: actorOf(admin, 'alliance_admin'),
  });

  // Never anything but loopback, whatever HOST says in the environment.
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: process.env.SCAN_LOG_LEVEL ?? 'warn' }), host: HOST };
  const app = await buildApp({ config, database });
  const address = await app.listen({ port: 0, host: HOST });
  const port = Number(new URL(address).port);

  const cookies = {
    cookie: await logIn(address, staff),
    fundCookie: await logIn(address, fundOfficer),
    adminCookie: await logIn(address, admin),
    communeCookie: await logIn(address, communeOfficer),
    managerCookie: await logIn(address, manager),
    otherStaffCookie: await logIn(address, otherStaff),
    otherFundCookie: await logIn(address, otherFund),
  };
  const importId = await importOneRow(address, cookies.cookie);
  const target = {
    port,
    baseUrl: address,
    today,
    tenantId: DEFAULT_ALLIANCE.id,
    otherTenantId: OTHER_ALLIANCE.id,
    organisationId: organisation.id,
    registrationNumber: organisation.registration_number,
    borrowerId: borrower.id,
    loanId: loan.id,
    importId,
    ...cookies,
  };
  process.stdout.write(`SCAN_TARGET ${JSON.stringify(target)}\n`);

  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

const SCAN_RULES = {
  effectiveFrom: '2020-01-01',
  maxAmountVnd: '500000000',
  maxTermMonths: 36,
  maxGraceMonths: 6,
  methods: ['equal_principal', 'bullet'],
  annualRatePercent: '12',
  penaltyRatePercent: 150,
  minMonthsSinceFounding: 12,
  sectorGroups: null,
  kinds: null,
  maxOpenLoans: null,
  note: null,
} satisfies LoanRulesInput;

/** An import run of one organisation through the API (multipart, as the web app sends it); returns its id. */
async function importOneRow(baseUrl: string, cookie: string): Promise<string> {
  const csv = 'Tên tổ chức,Loại hình,Ngày thành lập,Tình trạng,Lĩnh vực\nHợp tác xã Quét Lỗ Hổng,HTX,2020-01-01,Đang hoạt động,Nông nghiệp\n';
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'quet.csv');
  const response = await fetch(`${baseUrl}/api/imports/cooperatives`, { method: 'POST', headers: { cookie, origin: baseUrl }, body: form });
  if (!response.ok) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { importId?: string };
  if (!body.importId) throw new Error(`the import answered no id: ${JSON.stringify(body).slice(0, 300)}`);
  return body.importId;
}

type Account = { id: string; email: string; password: string; tenantId: number };
type AccountOptions = { tenantId?: number; communeCode?: string; organisationRegistrationNumber?: string };

async function createAccount(database: Database, role: Role, options: AccountOptions = {}): Promise<Account> {
  const tenantId = options.tenantId ?? DEFAULT_ALLIANCE.id;
  const login = { email: `scan-${role.replace('_', '-')}-${randomBytes(4).toString('hex')}@lienminh.test`, password: randomBytes(18).toString('base64url') };
  const created = await createUser(database.db, { ...login, role, tenantId, communeCode: options.communeCode, organisationRegistrationNumber: options.organisationRegistrationNumber });
  return { ...login, id: created.id, tenantId };
}

function actorOf(account: Account, role: Role): Actor {
  return { kind: 'user', userId: account.id, email: account.email, role, tenantId: account.tenantId, organisationId: null, communeCode: null };
}

/** Logs in through the API, as a person's browser would, and returns `coop_session=…`. */
async function logIn(baseUrl: string, { email, password }: Account): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('login set no session cookie');
  return session.split(';')[0]!;
}

main().catch((error: unknown) => {
  process.stderr.write(`scan-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
