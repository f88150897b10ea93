/**
 * A Drupal 8+ site's JSON:API (/jsonapi/node/article): every page followed through links.next, with the
 * taxonomy terms, files and users its `included` carries (the site owner enables the module; we need no login).
 * Terms of the vocabulary "tags" are tags; terms of any other vocabulary are categories.
 */
import { drupalDate, DrupalSourceError, oldPath, personName, type DrupalArticle, type DrupalSite } from './drupal-site.ts';
import { siteImageReader } from './image-sources.ts';

type Resource = { type: string; id: string; attributes?: Record<string, unknown>; relationships?: Record<string, { data?: Ref | Ref[] | null }> };
type Ref = { type: string; id: string };
type Document = { data?: Resource[]; included?: Resource[]; links?: { next?: { href?: string } | string } };

const MAX_PAGES = 2000;

/** The first page's address: the site's address, or a /jsonapi/… address given as it is. */
export function jsonApiStart(url: string): string {
  const u = new URL(url);
  if (u.pathname.includes('/jsonapi')) return u.toString();
  return new URL(`${u.pathname.replace(/\/$/, '')}/jsonapi/node/article`, u).toString();
}

async function fetchPage(url: string): Promise<Document> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/vnd.api+json' }, signal: AbortSignal.timeout(30_000) });
  } catch {
    throw new DrupalSourceError(`Không kết nối được ${url}.`);
  }
  if (!response.ok) throw new DrupalSourceError(`Không tải được ${url}: máy chủ trả lời HTTP ${response.status}.`);
  try {
    const doc = (await response.json()) as Document;
    if (!Array.isArray(doc.data)) throw new Error();
    return doc;
  } catch {
    throw new DrupalSourceError(`${url}: không phải một trang JSON:API (thiếu "data").`);
  }
}

function refs(value: Ref | Ref[] | null | undefined): Ref[] {
  return value ? (Array.isArray(value) ? value : [value]) : [];
}

/** Reads every page from `url` (the site or its /jsonapi/node/article). */
export async function readJsonApi(url: string): Promise<DrupalSite> {
  let start = jsonApiStart(url);
  // JSON:API sends related terms and accounts only when asked (?include=): ask for the relationships the first
  // page shows pointing at taxonomy terms and users, whatever the site named its fields.
  let firstPage: Document | null = await fetchPage(start);
  const related = new Set<string>();
  for (const resource of firstPage.data ?? []) {
    for (const [name, rel] of Object.entries(resource.relationships ?? {})) {
      if (refs(rel.data).some((r) => r.type.startsWith('taxonomy_term--') || r.type === 'user--user')) related.add(name);
    }
  }
  if (related.size && !new URL(start).searchParams.has('include')) {
    const withInclude = new URL(start);
    withInclude.searchParams.set('include', [...related].sort().join(','));
    start = withInclude.toString();
    firstPage = null;
  }
  const resources: Resource[] = [];
  const included = new Map<string, Resource>();
  let next: string | undefined = start;
  const seen = new Set<string>();
  for (let page = 1; next && page <= MAX_PAGES; page++) {
    if (seen.has(next)) break;
    seen.add(next);
    const doc: Document = firstPage ?? (await fetchPage(next));
    firstPage = null;
    resources.push(...(doc.data ?? []));
    for (const r of doc.included ?? []) included.set(`${r.type}/${r.id}`, r);
    const link = doc.links?.next;
    next = typeof link === 'string' ? link : link?.href;
  }

  const articles: DrupalArticle[] = resources.map((resource, i) => {
    const a = resource.attributes ?? {};
    const at = `${start}, bài thứ ${i + 1}`;
    const nid = Number(a.drupal_internal__nid);
    if (!Number.isInteger(nid)) throw new DrupalSourceError(`${at}: thiếu drupal_internal__nid.`);
    const title = typeof a.title === 'string' ? a.title.trim() : '';
    if (!title) throw new DrupalSourceError(`${at} (nid ${nid}): bài không có tiêu đề.`);
    const created = drupalDate(a.created);
    if (!created) throw new DrupalSourceError(`${at} (nid ${nid}): ngày tạo "${String(a.created ?? '')}" không đọc được.`);
    const body = (a.body ?? {}) as { value?: string; summary?: string };
    const related = Object.values(resource.relationships ?? {}).flatMap((rel) => refs(rel.data));
    const termsOf = (tags: boolean) =>
      related
        .filter((r) => r.type.startsWith('taxonomy_term--') && (r.type === 'taxonomy_term--tags') === tags)
        .map((r) => included.get(`${r.type}/${r.id}`)?.attributes?.name)
        .filter((n): n is string => typeof n === 'string' && n.length > 0);
    const account = related.find((r) => r.type === 'user--user');
    const user = account ? included.get(`${account.type}/${account.id}`)?.attributes : undefined;
    const alias = (a.path as { alias?: string } | undefined)?.alias;
    return {
      nid,
      type: resource.type.replace(/^node--/, ''),
      published: a.status !== false,
      title,
      bodyHtml: body.value ?? '',
      summary: body.summary ?? '',
      created,
      changed: drupalDate(a.changed) ?? created,
      accountName: personName(user?.display_name ?? user?.name),
      categories: termsOf(false),
      tags: termsOf(true),
      aliases: alias ? [oldPath(alias)] : [],
    };
  });
  return { form: 'jsonapi', origin: start, articles, readImage: siteImageReader(start) };
}
