/**
 * The built web app (dist/web, see vite.config.ts): hashed assets cached for a year, HTML revalidated on every
 * visit, each file sent as the .br or .gz written beside it at build when the browser accepts it. The public
 * paths get the light portal entry, the login and the manager's pages the light member entry; any other page
 * the staff app (the not-found handler falls back to it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Pages of the public portal still served by its client entry (portal.html); the home `/` is rendered on the server (modules/portal/public). */
export const PORTAL_PATHS = ['/kien-nghi', '/kien-nghi/:id'] as const;

/**
 * Pages of the light manager's app (member.html, src/web/member/): the login everyone meets first, the coop
 * manager's home and filing, and the one-time-link pages. "/*" covers the paths below one.
 */
export const MEMBER_PATHS = ['/login', '/member', '/member/*', '/account/set-password', '/account/forgot', '/account/request'] as const;

const IMMUTABLE = 'public, max-age=31536000, immutable';
// Stored, but asked again each time (an ETag makes the answer a 304 when nothing changed).
const REVALIDATE = 'no-cache';

/** Vite names every file under assets/ by a hash of its content: a new build gives new names. */
function cacheControl(file: string): string {
  return file.split(path.sep).includes('assets') ? IMMUTABLE : REVALIDATE;
}

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    // The .br and .gz siblings are chosen by the Accept-Encoding of a request for the file itself.
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply: FastifyReply, file: string) => void reply.header('cache-control', cacheControl(path.relative(webRoot, file))),
  });
  // A build from before the portal existed has the public pages in its staff app.
  if (!existsSync(path.join(webRoot, 'portal.html'))) return;
  for (const url of PORTAL_PATHS) {
    app.get(url, { schema: { hide: true } }, (_request, reply) => reply.sendFile('portal.html'));
  }
  // A build from before the manager's app existed has its login in the staff app.
  if (!existsSync(path.join(webRoot, 'member.html'))) return;
  for (const url of MEMBER_PATHS) {
    app.get(url, { schema: { hide: true } }, (_request, reply) => reply.sendFile('member.html'));
  }
}
