// The portal library's routes in one plugin for app.ts: images (and /media), files (and /tep), documents,
// events, redirects.
import type { FastifyInstance } from 'fastify';
import { eventsRoutes } from './events.routes.ts';
import { filesRoutes } from './files.routes.ts';
import { imagesRoutes } from './images.routes.ts';
import { legalDocumentsRoutes } from './legal-documents.routes.ts';
import { redirectsRoutes } from './redirects.routes.ts';

export async function portalLibraryRoutes(app: FastifyInstance) {
  await app.register(imagesRoutes);
  await app.register(filesRoutes);
  await app.register(legalDocumentsRoutes);
  await app.register(eventsRoutes);
  await app.register(redirectsRoutes);
}
