/**
 * The server as `coop start` leaves it, in a process of its own (started by bench/web/server.ts): the demo
 * province loaded into the empty database of COOP_DATA_DIR (or DATABASE_URL), then served, by the very
 * function `coop start` calls (src/cli/serve.ts). The one addition: an alliance_staff account for the staff
 * pages, created first, before the demo (so `start` finds an account and prints no administrator password).
 * The web app is built beforehand by the benchmark itself (as `coop start` would when it is stale).
 */
import { openPreparedDatabase } from '../../src/cli/context.ts';
import { serve } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createUser } from '../../src/server/modules/accounts/accounts.service.ts';
import { DEFAULT_ALLIANCE, ensureAlliance } from '../../src/server/modules/tenants/tenants.service.ts';

const email = process.env.BENCH_STAFF_EMAIL;
const password = process.env.BENCH_STAFF_PASSWORD;
if (!email || !password) throw new Error('BENCH_STAFF_EMAIL and BENCH_STAFF_PASSWORD are required');

const config = loadConfig();
const database = await openPreparedDatabase(config, 'bench:web (tạo tài khoản)');
try {
  await ensureAlliance(database.db, DEFAULT_ALLIANCE);
  await createUser(database.db, { email, password, role: 'alliance_staff', tenantId: DEFAULT_ALLIANCE.id });
} finally {
  await database.close();
}
await serve(config, { demo: true });
