/**
 * The last resort: the site's RSS feed (/rss.xml) — only the newest items, each with its title, link (the old
 * alias), the rendered body, date, dc:creator, categories, and a guid "123 at https://…" that gives the node id.
 * A <category> whose domain is a /tags/ page is a tag, any other a category (without domains: the first is the
 * category, the others tags).
 */
import { readFileSync } from 'node:fs';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { drupalDate, DrupalSourceError, personName, type DrupalArticle, type DrupalSite } from './drupal-site.ts';
import { siteImageReader } from './image-sources.ts';

function text(item: Element, tag: string): string {
  const node = DomUtils.getElementsByTagName(tag, item.children, false, 1)[0];
  return node ? DomUtils.textContent(node).trim() : '';
}

async function loadFeed(source: string): Promise<string> {
  if (!/^https?:\/\//i.test(source)) {
    try {
      return readFileSync(source, 'utf8');
    } catch {
      throw new DrupalSourceError(`Không đọc được tệp ${source}.`);
    }
  }
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new DrupalSourceError(`Không kết nối được ${source}.`);
  }
  if (!response.ok) throw new DrupalSourceError(`Không tải được ${source}: máy chủ trả lời HTTP ${response.status}.`);
  return response.text();
}

/** Reads the feed at `source` (a URL or a saved file). */
export async function readRss(source: string): Promise<DrupalSite> {
  const xml = await loadFeed(source);
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const channel = DomUtils.getElementsByTagName('channel', doc.children, true, 1)[0];
  if (!channel) throw new DrupalSourceError(`${source}: không phải một nguồn tin RSS (thiếu <channel>).`);
  const siteLink = text(channel, 'link');
  const base = /^https?:\/\//i.test(source) ? source : siteLink;
  const items = DomUtils.getElementsByTagName('item', channel.children, false);
  const articles: DrupalArticle[] = items.map((item, i) => {
    const at = `${source}, mục thứ ${i + 1}`;
    const title = text(item, 'title');
    const guid = text(item, 'guid');
    const nid = Number(/^(\d+)\b/.exec(guid)?.[1] ?? /\/node\/(\d+)/.exec(text(item, 'link'))?.[1]);
    if (!Number.isInteger(nid)) throw new DrupalSourceError(`${at}: không tìm thấy mã bài (guid "${guid}").`);
    if (!title) throw new DrupalSourceError(`${at} (nid ${nid}): bài không có tiêu đề.`);
    const created = drupalDate(text(item, 'pubDate'));
    if (!created) throw new DrupalSourceError(`${at} (nid ${nid}): ngày đăng "${text(item, 'pubDate')}" không đọc được.`);
    let alias: string | null;
    try {
      alias = decodeURIComponent(new URL(text(item, 'link'), base || undefined).pathname);
    } catch {
      alias = null;
    }
    // Drupal's views feed names each term's page in `domain`: /tags/… for tags; without it, the first is the category.
    const terms = DomUtils.getElementsByTagName('category', item.children, false).map((c) => ({ name: DomUtils.textContent(c).trim(), tag: /\/tags?\//.test(c.attribs.domain ?? '') })).filter((t) => t.name);
    const byDomain = terms.some((t) => t.tag);
    const categories = byDomain ? terms.filter((t) => !t.tag).map((t) => t.name) : terms.slice(0, 1).map((t) => t.name);
    const tags = byDomain ? terms.filter((t) => t.tag).map((t) => t.name) : terms.slice(1).map((t) => t.name);
    return {
      nid,
      type: 'article',
      published: true,
      title,
      bodyHtml: text(item, 'description'),
      summary: '',
      created,
      changed: created,
      accountName: personName(text(item, 'dc:creator')),
      categories,
      tags,
      aliases: alias && alias !== '/' && alias !== `/node/${nid}` ? [alias] : [],
    };
  });
  return { form: 'rss', origin: source, articles, readImage: siteImageReader(base || source) };
}
