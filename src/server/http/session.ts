import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { actorForSession, SESSION_MAX_MS } from '../modules/accounts/accounts.service.ts';
import type { Actor } from '../modules/accounts/roles.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'coop_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
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
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method)) checkOrigin(request, config);
    const path = routedPath(request);
    // A script, stylesheet or picture needs no session: only the API and the home page (which sends a signed-in
    // user on to the registry) look it up in the database.
    if (!path.startsWith('/api/') && request.url.split('?')[0] !== '/') return;
    const token = request.cookies[SESSION_COOKIE];
    const actor = await actorForSession(app.database.db, token);
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
