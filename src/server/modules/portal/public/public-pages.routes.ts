/**
 * The portal's server-rendered pages (decision 009, "Public addresses"): each route renders HTML from the
 * published content of the portal's alliance; a page that does not exist looks for an old address
 * (portal_redirects, 301) before answering the 404 page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readDb } from '../../../http/read-routing.ts';
import { SESSION_COOKIE } from '../../../http/session.ts';
import type { Config } from '../../../config.ts';
import { findRedirect } from '../redirects.service.ts';
import { renderArticlePage } from './article.page.tsx';
import { renderDocumentPage, renderDocumentsList } from './documents.page.tsx';
import { renderEventPage, renderEventsList } from './events.page.tsx';
import { renderHomePage } from './home.page.tsx';
import { renderSearchPage } from './search.page.tsx';
import { renderCategoryPage, renderNewsList } from './news-list.page.tsx';
import { renderNotFoundPage } from './not-found.page.tsx';
import { renderCategoryFeed, renderNewsFeed } from './feeds.ts';
import { renderRobots, renderSitemap } from './sitemap.ts';
import { createPageCache, HTML_CACHE_CONTROL, type CachedAnswer, type PageCache } from './page-cache.ts';
import { loadSite, publicOrigin, type PageContext, type Rendered } from './site.ts';

export type PortalConfig = Pick<Config, 'publicOrigin' | 'portalTenant'>;

/** The public pages' cache of each app, found by its database (its counts for tests and the benchmark). */
const caches = new WeakMap<object, PageCache>();
export const publicPageCache = (app: FastifyInstance): PageCache | undefined => caches.get(app.database);

/** The home shows the registry's figures too, which move with the registry, not the portal: kept 5 s at most. */
const HOME_MAX_AGE_MS = 5000;
export type Render = (ctx: PageContext, params: Record<string, string>) => Promise<Rendered | null>;


/**
 * Top-level paths of the staff app (src/web/routes/AppRoutes.tsx and the portal's and awards' staff pages):
 * an unknown address under them is the staff app's to answer (it sends a signed-out reader to the login).
 */
const STAFF_APP_SEGMENTS = new Set([
  'registry', 'imports', 'reports', 'loans', 'updates', 'difficulties', 'recommendations', 'agencies', 'accounts', 'account',
  'experts', 'consultations', 'calendar', 'portal', 'awards', 'emulation', 'directory', 'login', 'member',
]);

function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const at = url.indexOf('?');
  return at === -1 ? { path: url, query: new URLSearchParams() } : { path: url.slice(0, at), query: new URLSearchParams(url.slice(at + 1)) };
}

async function contextOf(request: FastifyRequest, config: PortalConfig): Promise<PageContext> {
  const db = readDb(request);
  const { path, query } = splitUrl(request.url);
  return { db, site: await loadSite(db, config, request), path, query };
}

/** An old address's 301, else the 404 page. */
async function redirectOrNotFound(ctx: PageContext): Promise<Rendered> {
  const target = await findRedirect({ db: ctx.db, tenantId: ctx.site.tenant.id, path: ctx.path });
  return target ? { redirect: target } : renderNotFoundPage(ctx);
}

function send(reply: FastifyReply, rendered: Rendered) {
  if ('redirect' in rendered) return reply.header('cache-control', HTML_CACHE_CONTROL).redirect(rendered.redirect, 301);
  return reply.status(rendered.status).header('cache-control', HTML_CACHE_CONTROL).type('text/html; charset=utf-8').send(rendered.html);
}

export function answerOf(rendered: Rendered): CachedAnswer {
  if ('redirect' in rendered) return { status: 301, contentType: 'text/plain; charset=utf-8', body: '', location: rendered.redirect };
  return { status: rendered.status, contentType: 'text/html; charset=utf-8', body: rendered.html };
}

/**
 * A page rendered on every request (the registry's public pages, whose data moves with the registry rather than
 * the portal's version): an old address's 301 or the 404 page when it renders nothing.
 */
export async function servePage(request: FastifyRequest, reply: FastifyReply, config: PortalConfig, render: Render) {
  const ctx = await contextOf(request, config);
  const rendered = (await render(ctx, request.params as Record<string, string>)) ?? (await redirectOrNotFound(ctx));
  return send(reply, rendered);
}

/** A page of the portal's content, kept in the page cache under the portal's version. */
async function serveCachedPage(request: FastifyRequest, reply: FastifyReply, config: PortalConfig, cache: PageCache, render: Render, options?: { maxAgeMs?: number }) {
  return cache.serve(request, reply, readDb(request), async () => {
    const ctx = await contextOf(request, config);
    return answerOf((await render(ctx, request.params as Record<string, string>)) ?? (await redirectOrNotFound(ctx)));
  }, options);
}

/**
 * The not-found answer for a GET outside /api/ that no route took: an old address's 301; the staff app's own
 * pages (and any page of someone with a session cookie) to the staff app when it is built; else the portal's 404 page.
 */
export function publicNotFound(config: PortalConfig, { spa }: { spa: boolean }) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = await contextOf(request, config);
    const target = await findRedirect({ db: ctx.db, tenantId: ctx.site.tenant.id, path: ctx.path });
    if (target) return send(reply, { redirect: target });
    // "/tin-tuc/" is "/tin-tuc": one address per page.
    if (ctx.path.length > 1 && ctx.path.endsWith('/')) {
      const query = ctx.query.toString();
      // Leading slashes collapsed too: "//other.site/" must not become a protocol-relative address.
      return send(reply, { redirect: `/${ctx.path.replace(/^\/+|\/+$/g, '')}${query ? `?${query}` : ''}` });
    }
    const segment = ctx.path.split('/')[1] ?? '';
    // The session is not looked up outside the API (session.ts): its cookie says a member of staff is reading.
    if (spa && (request.cookies[SESSION_COOKIE] || STAFF_APP_SEGMENTS.has(segment))) return reply.sendFile('index.html');
    return send(reply, renderNotFoundPage(ctx));
  };
}

export async function publicPagesRoutes(app: FastifyInstance, { config }: { config: PortalConfig }) {
  const cache = createPageCache(config);
  caches.set(app.database, cache);
  const page = (url: string, render: Render) => app.get(url, { schema: { hide: true } }, (request, reply) => serveCachedPage(request, reply, config, cache, render));
  // A signed-in member of staff opening the home goes on to the registry (session.ts looks the session up for "/").
  app.get('/', { schema: { hide: true } }, (request, reply) =>
    request.actor.kind === 'user' ? reply.redirect('/registry') : serveCachedPage(request, reply, config, cache, (ctx) => renderHomePage(ctx), { maxAgeMs: HOME_MAX_AGE_MS }),
  );
  page('/tin-tuc', (ctx) => renderNewsList(ctx));
  page('/tin-tuc/:slug', (ctx, params) => renderArticlePage(ctx, 'news', params.slug!));
  page('/trang/:slug', (ctx, params) => renderArticlePage(ctx, 'page', params.slug!));
  page('/chuyen-muc/:slug', (ctx, params) => renderCategoryPage(ctx, params.slug!));
  page('/van-ban', (ctx) => renderDocumentsList(ctx));
  page('/van-ban/:slug', (ctx, params) => renderDocumentPage(ctx, params.slug!));
  page('/su-kien', (ctx) => renderEventsList(ctx));
  page('/su-kien/:slug', (ctx, params) => renderEventPage(ctx, params.slug!));
  page('/tim-kiem', (ctx) => renderSearchPage(ctx));

  const xml = (url: string, render: (ctx: PageContext, params: Record<string, string>) => Promise<{ contentType: string; xml: string } | null>) =>
    app.get(url, { schema: { hide: true } }, (request, reply) =>
      cache.serve(request, reply, readDb(request), async () => {
        const ctx = await contextOf(request, config);
        const rendered = await render(ctx, request.params as Record<string, string>);
        return rendered ? { status: 200, contentType: rendered.contentType, body: rendered.xml } : answerOf(renderNotFoundPage(ctx));
      }),
    );
  xml('/rss.xml', (ctx) => renderNewsFeed(ctx, 'rss'));
  xml('/atom.xml', (ctx) => renderNewsFeed(ctx, 'atom'));
  xml('/chuyen-muc/:slug/rss.xml', (ctx, params) => renderCategoryFeed(ctx, params.slug!));
  xml('/sitemap.xml', async (ctx) => ({ contentType: 'application/xml; charset=utf-8', xml: await renderSitemap(ctx) }));
  app.get('/robots.txt', { schema: { hide: true } }, (request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(renderRobots(publicOrigin(request, config))),
  );
}
