import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { DataVersions } from '../../db/data-versions.ts';
import type { Config } from '../config.ts';
import { sessionOf, SESSION_MAX_MS } from '../modules/accounts/accounts.service.ts';
import type { Actor } from '../modules/accounts/roles.ts';
import { AppError } from './errors.ts';
import { SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'coop_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /**
     * The data versions read with the session, on a route that answers from the version-keyed cache (route config
     * `dataVersions`): then its revalidation is one statement. Valid for reads of that database only.
     */
    dataVersions: { db: Db; versions: DataVersions } | null;
  }
  interface FastifyContextConfig {
    /** The route answers from the data-version cache (report-cache.ts): read the versions with the session. */
    dataVersions?: boolean;
  }
  interface FastifyInstance {
    /** Forgets the sessions kept in memory: for a change written to the database by anything but this server's requests. */
    forgetSessions(): void;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor of every request from its session cookie, and guards state-changing requests against
 * CSRF: a browser always sends Origin on such requests, and it must be ours. A request without Origin is
 * accepted only as JSON (which no cross-site form can send without a CORS preflight we never grant), so a
 * script's `POST /api/auth/login` still works.
 */
export function installSession(app: FastifyInstance, config: Config): void {
  app.decorateRequest('actor', { getter: () => ({ kind: 'anonymous' }) as Actor });
  app.decorateRequest('dataVersions', null);
  // On the embedded engine this process is the only writer: recent sessions are kept in memory (session-cache.ts)
  // and forgotten by any request that may have changed one.
  const cache = app.database.engine === 'pglite' ? new SessionCache() : undefined;
  app.decorate('forgetSessions', () => cache?.clear());
  if (cache) {
    app.addHook('onResponse', async (request) => {
      if (!SAFE_METHODS.has(request.method)) cache.clear();
    });
  }
  const actorOf = async (request: FastifyRequest, token: string | undefined): Promise<Actor> => {
    const cached = token ? cache?.get(token) : undefined;
    if (cached) return cached;
    const mark = cache?.mark();
    const db = app.database.db;
    const { actor, expiresAt, versions } = await sessionOf(db, token, { withVersions: request.routeOptions.config.dataVersions === true });
    if (versions) request.dataVersions = { db, versions };
    if (cache && token && mark !== undefined && expiresAt !== null) cache.put(token, actor, mark, expiresAt);
    return actor;
  };
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method)) checkOrigin(request, config);
    const path = routedPath(request);
    // A script, stylesheet or picture needs no session: only the API and the home page (which sends a signed-in
    // user on to the registry) look it up in the database.
    if (!path.startsWith('/api/') && request.url.split('?')[0] !== '/') return;
    const token = request.cookies[SESSION_COOKIE];
    const actor = await actorOf(request, token);
    Object.defineProperty(request, 'actor', { value: actor, writable: true });
    // Default deny: every API route outside the public prefixes needs a signed-in user, checked before the
    // body is even validated, on the path as the router reads it ("/%61pi/loans" is "/api/loans").
    if (actor.kind === 'anonymous' && path.startsWith('/api/') && !PUBLIC_PREFIXES.some((p) => path.startsWith(p))) {
      throw new AppError('unauthenticated', 'Vui lòng đăng nhập.');
    }
  });
}

const PUBLIC_PREFIXES = ['/api/health', '/api/auth/', '/api/reference/', '/api/public/', '/api/docs'];

/** The route the router matched (its pattern), else the decoded, normalised path of the URL. */
function routedPath(request: FastifyRequest): string {
  const matched = request.routeOptions.url;
  if (matched) return matched;
  const raw = request.url.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw;
  }
  return path.posix.normalize(decoded.replace(/\\/g, '/')).toLowerCase();
}

function checkOrigin(request: FastifyRequest, config: Config): void {
  const origin = request.headers.origin;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') throw csrfError();
  if (origin) {
    const allowed = new Set([`http://${request.headers.host}`, `https://${request.headers.host}`]);
    if (config.publicOrigin) allowed.add(config.publicOrigin.replace(/\/$/, ''));
    if (!allowed.has(origin)) throw csrfError();
    return;
  }
  const type = request.headers['content-type'] ?? '';
  // A chunked body has no Content-Length: it is a body all the same.
  const length = request.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
  if (hasBody && !type.startsWith('application/json')) throw csrfError();
}

const csrfError = () => new AppError('forbidden', 'Yêu cầu bị từ chối: không rõ nguồn gửi (bảo vệ CSRF).');

export function setSessionCookie(reply: FastifyReply, token: string, config: Config): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    path: '/',
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure });
}
