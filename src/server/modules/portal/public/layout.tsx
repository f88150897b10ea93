/**
 * The frame of every public page, rendered on the server (renderToString, no client React, no script): the head
 * (title, description, canonical URL, Open Graph, Twitter card, JSON-LD), the header with the menu and the search
 * box, the footer. React escapes every text; the JSON-LD is escaped for a <script> block by jsonForScript.
 */
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import type { MenuLink, Site } from './site.ts';
import { PUBLIC_CSS } from './styles.ts';

export type PageHead = {
  /** The page's own title (the alliance's name is added after it); undefined on the home. */
  title?: string;
  description: string;
  /** Path and query of the canonical address ("/tin-tuc?trang=2"). */
  canonicalPath: string;
  /** The sharing preview, a path on this site. */
  image?: { url: string; width: number; height: number; alt?: string };
  type?: 'website' | 'article';
  publishedTime?: Date;
  jsonLd?: object;
  /** Keeps the page out of search engines (the 404 page, search results). */
  noindex?: boolean;
  /** A feed to announce besides the site's (a category's). */
  feed?: { href: string; title: string };
};

/** JSON inside <script type="application/ld+json">: no "</script>", no "<!--", no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function Head({ site, head }: { site: Site; head: PageHead }) {
  const title = head.title ? `${head.title} — ${site.tenant.name}` : site.tenant.name;
  const canonical = `${site.origin}${head.canonicalPath}`;
  const image = head.image ? `${site.origin}${head.image.url}` : undefined;
  return (
    <head>
      <meta charSet="utf-8" />
      {/* No icon file: without this line every page asks for /favicon.ico and logs a 404. */}
      <link rel="icon" href="data:," />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={head.description} />
      {head.noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={canonical} />}
      <meta property="og:site_name" content={site.tenant.name} />
      <meta property="og:locale" content="vi_VN" />
      <meta property="og:type" content={head.type ?? 'website'} />
      <meta property="og:title" content={head.title ?? site.tenant.name} />
      <meta property="og:description" content={head.description} />
      <meta property="og:url" content={canonical} />
      {image && <meta property="og:image" content={image} />}
      {image && <meta property="og:image:width" content={String(head.image!.width)} />}
      {image && <meta property="og:image:height" content={String(head.image!.height)} />}
      {image && head.image!.alt && <meta property="og:image:alt" content={head.image!.alt} />}
      {head.publishedTime && <meta property="article:published_time" content={head.publishedTime.toISOString()} />}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <meta name="twitter:title" content={head.title ?? site.tenant.name} />
      <meta name="twitter:description" content={head.description} />
      {image && <meta name="twitter:image" content={image} />}
      <link rel="alternate" type="application/rss+xml" title={`Tin tức — ${site.tenant.name}`} href="/rss.xml" />
      {head.feed && <link rel="alternate" type="application/rss+xml" title={head.feed.title} href={head.feed.href} />}
      <style>{PUBLIC_CSS}</style>
      {head.jsonLd && (
        // eslint-disable-next-line no-restricted-syntax -- structured data, not HTML: JSON escaped by jsonForScript
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(head.jsonLd) }} />
      )}
    </head>
  );
}

function MenuList({ links, current }: { links: readonly MenuLink[]; current: string }) {
  return (
    <ul>
      {links.map((link) => (
        <li key={link.href}>
          <a href={link.href} aria-current={current === link.href || current.startsWith(`${link.href}/`) ? 'page' : undefined}>
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The search box of every page: GET /tim-kiem?q=… (works without JavaScript). */
export function SearchForm({ id, query = '' }: { id: string; query?: string }) {
  return (
    <form className="search" role="search" action="/tim-kiem" method="get">
      <label className="sr" htmlFor={id}>
        Tìm tin bài, văn bản
      </label>
      <input id={id} type="search" name="q" defaultValue={query} placeholder="Tìm tin bài, văn bản…" />
      <button type="submit">Tìm</button>
    </form>
  );
}

function Page({ site, head, currentPath, children }: { site: Site; head: PageHead; currentPath: string; children: ReactNode }) {
  return (
    <html lang="vi">
      <Head site={site} head={head} />
      <body>
        <a className="skip" href="#main">
          Bỏ qua đến nội dung
        </a>
        <header className="site">
          <div className="wrap">
            <a className="brand" href="/">
              {site.tenant.name}
            </a>
            <nav className="menu" aria-label="Mục chính">
              <MenuList links={site.sections} current={currentPath} />
            </nav>
            {site.categories.length > 0 && (
              <nav className="menu" aria-label="Chuyên mục">
                <MenuList links={site.categories} current={currentPath} />
              </nav>
            )}
            <SearchForm id="tim-kiem-dau-trang" />
          </div>
        </header>
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site">
          <div className="wrap">
            <p>{`© ${site.tenant.name}`}</p>
            <ul>
              <li><a href="/trang/gioi-thieu">Giới thiệu</a></li>
              <li><a href="/trang/lien-he">Liên hệ</a></li>
              <li><a href="/rss.xml">Tin RSS</a></li>
              <li><a href="/sitemap.xml">Sơ đồ trang</a></li>
              <li><a href="/login">Cán bộ đăng nhập</a></li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A whole HTML5 document (doctype included) for a page's content. */
export function renderDocument(site: Site, head: PageHead, currentPath: string, content: ReactNode): string {
  return `<!DOCTYPE html>${renderToString(
    <Page site={site} head={head} currentPath={currentPath}>
      {content}
    </Page>,
  )}`;
}
