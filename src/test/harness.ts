import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { sessions, users } from '../server/modules/accounts/accounts.sql.ts';
import type { Actor, Role } from '../server/modules/accounts/roles.ts';
import { DEFAULT_ALLIANCE } from '../server/modules/tenants/tenants.service.ts';
import { SESSION_COOKIE } from '../server/http/session.ts';
import { withDatabaseName } from './global-setup.ts';

export const TENANT = DEFAULT_ALLIANCE.id;
export const OTHER_TENANT = 1;

/** A fresh database for one test file, copied from the migrated template of this run. */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void>; url?: string }> {
  const template = inject('templateDatabase');
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `coop_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
    return {
      ...database,
      url: withDatabaseName(url, name),
      async drop() {
        await database.close().catch(() => {}); // already closed by the test

        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const database = await openDatabase({ inMemory: true, loadDataDir: new Blob([readFileSync(template)]) });
  return { ...database, drop: () => database.close() };
}

export type SignInOptions = { tenantId?: number | null; organisationId?: string; communeCode?: string; portalEditor?: boolean };

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  /** Creates a user of that role and a session for it; returns the cookie to send and the actor. */
  signIn(role: Role, options?: SignInOptions): Promise<{ cookie: string; actor: Actor; email: string }>;
  /** app.inject with a cookie and a same-origin Origin header for state-changing requests. */
  request(options: InjectOptions & { cookie?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** The real HTTP app, in process, on a fresh database; without the web app unless given its build. */
export async function createTestApp({ webRoot = '/nonexistent', config: overrides = {} }: { webRoot?: string; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  // The portal shows the alliance the tests write for (in production: PORTAL_TENANT, else the lowest id).
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), portalTenant: TENANT, ...overrides };
  const app = await buildApp({ config, database, logger: false, webRoot });
  await app.ready();
  return {
    app,
    database,
    async signIn(role, options = {}) {
      const email = `${role}-${randomUUID().slice(0, 8)}@test.local`;
      const tenantId = role === 'national_viewer' ? null : options.tenantId === undefined ? TENANT : options.tenantId;
      const [user] = await database.db
        .insert(users)
        .values({ email, passwordHash: 'not-used-sessions-set-directly', role, tenantId, organisationId: options.organisationId ?? null, communeCode: options.communeCode ?? null, portalEditor: options.portalEditor ?? false })
        .returning();
      const token = randomBytes(32).toString('base64url');
      await database.db.insert(sessions).values({ id: createHash('sha256').update(token).digest('hex'), userId: user!.id, expiresAt: new Date(Date.now() + 86_400_000) });
      const portalEditor = role === 'alliance_admin' || (role === 'alliance_staff' && options.portalEditor === true);
      const actor: Actor = { kind: 'user', userId: user!.id, email, role, tenantId, organisationId: options.organisationId ?? null, communeCode: options.communeCode ?? null, portalEditor };
      return { cookie: `${SESSION_COOKIE}=${token}`, actor, email };
    },
    request({ cookie, headers, ...options }) {
      const method = (options.method ?? 'GET').toUpperCase();
      const origin = method === 'GET' || method === 'HEAD' ? {} : { origin: 'http://localhost:80' };
      return app.inject({ ...options, headers: { host: 'localhost:80', ...origin, ...(cookie ? { cookie } : {}), ...headers } });
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
