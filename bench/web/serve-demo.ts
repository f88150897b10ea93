/**
 * The server as `coop start` leaves it, in a process of its own (started by bench/web/server.ts): the demo
 * province loaded into the empty database of COOP_DATA_DIR (or DATABASE_URL), then served, by the very
 * functions `coop start` calls (src/cli/serve.ts). The additions: an alliance_staff account for the staff
 * pages, created first, before the demo (so `start` finds an account and prints no administrator password), and
 * after the demo a coop_manager of one of its cooperatives for the manager's pages.
 * The web app is built beforehand by the benchmark itself (as `coop start` would when it is stale).
 */
import { openPreparedDatabase } from '../../src/cli/context.ts';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { prepareDemo, serve } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createUser } from '../../src/server/modules/accounts/accounts.service.ts';
import { organisations } from '../../src/server/modules/cooperatives/cooperatives.sql.ts';
import { DEFAULT_ALLIANCE, ensureAlliance } from '../../src/server/modules/tenants/tenants.service.ts';

const email = process.env.BENCH_STAFF_EMAIL;
const password = process.env.BENCH_STAFF_PASSWORD;
const managerEmail = process.env.BENCH_MANAGER_EMAIL;
const managerPassword = process.env.BENCH_MANAGER_PASSWORD;
if (!email || !password) throw new Error('BENCH_STAFF_EMAIL and BENCH_STAFF_PASSWORD are required');

const config = loadConfig();
const database = await openPreparedDatabase(config, 'bench:web (tạo tài khoản)');
try {
  await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  await createUser(database.db, { email, password, role: 'alliance_staff', tenantId: DEFAULT_ALLIANCE.id });
  if (managerEmail && managerPassword) {
    await prepareDemo(database);
    // An operating cooperative (HTX) of the demo, the first by registration number: it files the annual update.
    const [cooperative] = await database.db
      .select({ registrationNumber: organisations.registrationNumber })
      .from(organisations)
      .where(and(eq(organisations.tenantId, DEFAULT_ALLIANCE.id), eq(organisations.kind, 'HTX'), eq(organisations.status, 'active'), isNotNull(organisations.registrationNumber)))
      .orderBy(asc(organisations.registrationNumber))
      .limit(1);
    if (!cooperative) throw new Error('the demo has no operating cooperative with a registration number');
    await createUser(database.db, { email: managerEmail, password: managerPassword, role: 'coop_manager', tenantId: DEFAULT_ALLIANCE.id, organisationRegistrationNumber: cooperative.registrationNumber! });
  }
} finally {
  await database.close();
}
await serve(config, { demo: true });
