/**
 * The registry's public pages, server-rendered like the portal's others: the directory (/danh-ba, and the old
 * portal's /directory answering 301 there with its search) and the figures (/so-lieu, with the charts' script).
 */
import type { FastifyInstance } from 'fastify';
import { DIRECTORY_PATH, directoryPathFromOld, renderDirectoryPage } from './directory.page.tsx';
import { FIGURES_PATH, renderFiguresPage } from './figures.page.tsx';
import { servePage, type PortalConfig } from './public-pages.routes.ts';

export async function registryPagesRoutes(app: FastifyInstance, { config, webRoot }: { config: PortalConfig; webRoot: string }) {
  app.get(DIRECTORY_PATH, { schema: { hide: true } }, (request, reply) => servePage(request, reply, config, (ctx) => renderDirectoryPage(ctx)));
  app.get(FIGURES_PATH, { schema: { hide: true } }, (request, reply) => servePage(request, reply, config, (ctx) => renderFiguresPage(ctx, webRoot)));
  app.get('/directory', { schema: { hide: true } }, (request, reply) => {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    return reply.redirect(directoryPathFromOld(query), 301);
  });
}
