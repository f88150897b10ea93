import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const webRoot = path.join(repoRoot, 'dist/web');

/**
 * Serves the built web app on an app built without a webRoot, the way src/server/app.ts means to: the files of
 * dist/web, and index.html for any other GET outside /api (the app routes on the client). buildApp's own setup
 * calls setNotFoundHandler a second time (installErrorHandler set one already) and Fastify 5 refuses, so the
 * journeys use this until src/server/app.ts is fixed; startJourney tries buildApp's way first.
 */
export async function serveWebApp(app: FastifyInstance, root = webRoot): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`No web app in ${root}: run npm run build`);
  await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
