/**
 * The target of `npm run scan` (scripts/scan.sh): the real app on 127.0.0.1 only, over a throw-away in-memory
 * database holding the demo province, with an alliance_staff account (the registry, reports) and a fund_officer
 * account (the loan portfolio, which staff may not see) whose random passwords are never shown. Prints one line
 * `SCAN_TARGET {json}` (port, both session cookies, an organisation id) once it listens, then serves until
 * SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryRows, type Database } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { SESSION_COOKIE } from '../src/server/http/session.ts';
import { createUser } from '../src/server/modules/accounts/accounts.service.ts';
import type { Role } from '../src/server/modules/accounts/roles.ts';
import { generateDemoProvince } from '../src/server/modules/demo/demo.generator.ts';
import { DEFAULT_ALLIANCE, ensureAlliance, loadReferenceData } from '../src/server/modules/tenants/tenants.service.ts';

const HOST = '127.0.0.1';

async function main(): Promise<void> {
  const database = await openDatabase({ inMemory: true });
  await migrateDatabase(database);
  await loadReferenceData(database.db);
  await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  await generateDemoProvince(database.db, { tenantId: DEFAULT_ALLIANCE.id });

  const staff = await createAccount(database, 'alliance_staff');
  const fundOfficer = await createAccount(database, 'fund_officer');

  // Never anything but loopback, whatever HOST says in the environment.
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: process.env.SCAN_LOG_LEVEL ?? 'warn' }), host: HOST };
  const app = await buildApp({ config, database });
  const address = await app.listen({ port: 0, host: HOST });
  const port = Number(new URL(address).port);

  const cookie = await logIn(address, staff);
  const fundCookie = await logIn(address, fundOfficer);
  const [organisation] = await queryRows<{ id: string }>(database.db, sql`select id from organisations order by registration_number limit 1`);
  process.stdout.write(`SCAN_TARGET ${JSON.stringify({ port, baseUrl: address, cookie, fundCookie, organisationId: organisation?.id })}\n`);

  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

type Account = { email: string; password: string };

async function createAccount(database: Database, role: Role): Promise<Account> {
  const account = { email: `scan-${role.replace('_', '-')}-${randomBytes(4).toString('hex')}@lienminh.test`, password: randomBytes(18).toString('base64url') };
  await createUser(database.db, { ...account, role, tenantId: DEFAULT_ALLIANCE.id });
  return account;
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
