import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../server/config.ts';
import { buildApp } from '../server/app.ts';
import type { Database } from '../db/client.ts';
import { createUser } from '../server/modules/accounts/accounts.service.ts';
import { users } from '../server/modules/accounts/accounts.sql.ts';
import { organisations } from '../server/modules/cooperatives/cooperatives.sql.ts';
import { DEFAULT_ALLIANCE, ensureAlliance } from '../server/modules/tenants/tenants.service.ts';
import { generateDemoProvince } from '../server/modules/demo/demo.generator.ts';
import { generateDemoDifficulties } from '../server/modules/demo/demo.difficulties.ts';
import { analyzeTables, startDatabaseMaintainer } from '../db/maintenance.ts';
import { startDueReminders } from '../server/modules/difficulties/overdue-reminders.ts';
import { ensureCategoriesOfNewAlliances } from '../server/modules/portal/categories.service.ts';
import { startScheduledPublishing } from '../server/modules/portal/scheduled-publishing.ts';
import { openPreparedDatabase } from './context.ts';
import { buildWeb, webBuildIsStale } from './web-build.ts';


export function register(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web và API')
    .option('--port <n>', 'cổng', (v) => Number(v))
    .action(async (options: { port?: number }) => {
      const config = loadConfig();
      await serve({ ...config, port: options.port ?? config.port }, { demo: false });
    });
  program
    .command('start')
    .description('Dựng giao diện nếu cần, chuẩn bị CSDL, nạp dữ liệu mẫu khi CSDL trống, rồi chạy máy chủ')
    .option('--port <n>', 'cổng', (v) => Number(v))
    .action(async (options: { port?: number }) => {
      const config = loadConfig();
      if (webBuildIsStale()) {
        process.stdout.write('Đang dựng giao diện web (vite build)…\n');
        buildWeb();
      }
      await serve({ ...config, port: options.port ?? config.port }, { demo: true });
    });
}

/** Loads the demo province into an empty database (then analyses it) and creates the first administrator. */
export async function prepareDemo(database: Database): Promise<void> {
  const db = database.db;
  await ensureAlliance(db, DEFAULT_ALLIANCE);
  const [orgs] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  if ((orgs?.n ?? 0) === 0) {
    process.stdout.write('CSDL trống: đang nạp dữ liệu mẫu (một tỉnh như Bắc Giang năm 2023)…\n');
    const summary = await generateDemoProvince(db, { tenantId: DEFAULT_ALLIANCE.id });
    process.stdout.write(`Đã nạp ${summary.organisations} tổ chức.\n`);
    const requests = await generateDemoDifficulties(db, { tenantId: DEFAULT_ALLIANCE.id });
    process.stdout.write(`Đã nạp ${requests.difficulties} khó khăn, kiến nghị (${requests.recommendations} văn bản kiến nghị).\n`);
    // Without statistics the embedded engine plans the dashboards blind: 2.6 s a call instead of 0.1 s.
    await analyzeTables(database.exec);
  }
  const [accounts] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((accounts?.n ?? 0) === 0) {
    const password = randomBytes(12).toString('base64url');
    const email = 'admin@lienminh.local';
    await createUser(db, { email, password, role: 'alliance_admin', tenantId: DEFAULT_ALLIANCE.id });
    process.stdout.write(`\nTài khoản quản trị đầu tiên (chỉ hiện một lần):\n  email:    ${email}\n  mật khẩu: ${password}\n\n`);
  }
}

/** Opens the database, serves until SIGTERM/SIGINT, then closes connections and the database cleanly. */
export async function serve(config: Config, { demo }: { demo: boolean }): Promise<void> {
  const database = await openPreparedDatabase(config, `coop serve, cổng ${config.port}`);
  if (demo) await prepareDemo(database);
  // A new alliance's portal starts with the default categories (the demo's have them already).
  await ensureCategoriesOfNewAlliances(database.db);
  const app = await buildApp({ config, database });
  // The embedded engine's autovacuum (statistics and dead rows); on PostgreSQL, autovacuum itself does this.
  const maintainer = startDatabaseMaintainer(database, { log: app.log });
  // Reminders of difficulties and recommendations about to fall due or overdue, to the alliances' staff (with SMTP_URL).
  const dueReminders = startDueReminders(database, { mailer: app.mailer, log: app.log });
  // The portal's scheduled articles, published when due (every 30 s; the public pages honour the time anyway).
  const scheduledPublishing = startScheduledPublishing(database, { log: app.log });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // A connection busy when closing began turns idle once its response is sent, and keep-alive would then hold
    // it (and this process, past a supervisor's patience) until the browser lets go: close those as they idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    await maintainer.stop();
    await dueReminders.stop();
    await scheduledPublishing.stop();
    await app.close();
    clearInterval(sweep);
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A port in use must not leave the database open (and the embedded database locked) behind us.
    await maintainer.stop();
    await dueReminders.stop();
    await scheduledPublishing.stop();
    await app.close();
    await database.close();
    throw error;
  }
  // The portal's home figures, counted once now rather than for its first visitor (with the engine's caches warmed
  // on the way); a deployment of several alliances answers 400 at once, and that is all.
  void app.inject({ method: 'GET', url: '/api/public/reports/dashboard' }).catch(() => {});
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`Nền tảng Liên minh HTX đang chạy: http://localhost:${port} (CSDL: ${database.engine})\n`);
}
