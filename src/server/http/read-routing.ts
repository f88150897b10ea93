import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { openReadPool } from '../../db/client.ts';
import { openReadReplica, type ReadReplica } from '../../db/read-replica.ts';
import type { Config } from '../config.ts';

/**
 * Reads that scale out on PostgreSQL's replication (DATABASE_READ_URL, docs/operations.md "Read replica").
 * Routes of public pages, reports and national views ask `readDb(request)` for their database; every other
 * route, and every write, uses the primary (`app.database.db`).
 *
 * Read-your-writes: a successful state-changing request sets a short-lived cookie, and a request carrying it
 * reads from the primary until it expires (the lag limit plus the time the lag checks may be late). A cookie
 * rather than a note in the server's memory: it holds behind a load balancer with several servers and across a
 * restart, costs no memory, and covers anonymous writers as well; a client that forges it only makes its own
 * reads go to the primary.
 */
export const READ_PRIMARY_COOKIE = 'coop_read_primary';

export const READ_URL_IGNORED =
  'DATABASE_READ_URL bị bỏ qua: CSDL nhúng (PGlite) không có bản sao đọc, mọi truy vấn dùng CSDL chính. / ' +
  'DATABASE_READ_URL ignored: the embedded database (PGlite) has no read replica; every query uses the main database.';

export type ReadRouting = {
  /** The standby, when DATABASE_READ_URL is set on PostgreSQL. */
  replica?: ReadReplica;
  /** Why DATABASE_READ_URL is not used, when it is set but cannot be. */
  warning?: string;
};

declare module 'fastify' {
  interface FastifyInstance {
    readRouting: ReadRouting;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Opens the standby's pools when DATABASE_READ_URL is set (closed with the app) and the read-your-writes cookie. */
export function installReadRouting(app: FastifyInstance, config: Config): void {
  const routing: ReadRouting = {};
  app.decorate('readRouting', routing);
  if (!config.databaseReadUrl) return;
  const primary = app.database.pool;
  if (app.database.engine !== 'postgres' || !primary) {
    routing.warning = READ_URL_IGNORED;
    app.log.warn(READ_URL_IGNORED);
    return;
  }
  const replica = openReadReplica({
    primary,
    standby: openReadPool(config.databaseReadUrl, { max: 10, applicationName: 'coop-read' }),
    checks: openReadPool(config.databaseReadUrl, { max: 1, applicationName: 'coop-read-check' }),
    log: app.log,
    maxLagMs: config.readMaxLagMs,
  });
  routing.replica = replica;
  app.addHook('onClose', () => replica.close());
  app.addHook('onSend', async (request, reply, payload) => {
    if (!SAFE_METHODS.has(request.method) && reply.statusCode < 400) {
      const until = Date.now() + replica.readYourWritesMs;
      reply.setCookie(READ_PRIMARY_COOKIE, String(until), {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.cookieSecure,
        path: '/',
        maxAge: Math.ceil(replica.readYourWritesMs / 1000),
      });
    }
    return payload;
  });
}

/** The database a read route uses: the standby (falling back to the primary per query) unless this client just wrote. */
export function readDb(request: FastifyRequest): Db {
  const app = request.server;
  const replica = app.readRouting?.replica;
  if (!replica || !SAFE_METHODS.has(request.method) || wroteRecently(request)) return app.database.db;
  return replica.db;
}

function wroteRecently(request: FastifyRequest): boolean {
  const until = Number(request.cookies[READ_PRIMARY_COOKIE]);
  // The server's own clock decides, not the cookie's Max-Age (a browser may keep it longer).
  return Number.isFinite(until) && until > Date.now();
}
