import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const webRoot = path.join(repoRoot, 'dist/web');

// The client-side routes of src/web/routes/AppRoutes.tsx: a reload or a shared link on any of them gets index.html.
const APP_PATHS = ['/directory', '/login', '/registry', '/registry/*', '/imports', '/imports/*', '/loans', '/loans/*'];

/**
 * Serves the built web app on an app built without a webRoot. buildApp's own static setup calls
 * setNotFoundHandler a second time (installErrorHandler set one already) and Fastify 5 refuses, so for now
 * the journeys serve dist/web this way: the same files, the same CSP (helmet is already registered), and
 * index.html for the app's routes. Once src/server/app.ts is fixed, pass webRoot to buildApp instead.
 */
export async function serveWebApp(app: FastifyInstance, root = webRoot): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`No web app in ${root}: run npm run build`);
  await app.register(fastifyStatic, { root, wildcard: true, index: ['index.html'] });
  for (const url of APP_PATHS) app.get(url, (_request, reply) => reply.sendFile('index.html'));
}
