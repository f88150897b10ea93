/**
 * Search over the public articles (news and fixed pages) and the published documents, accent-insensitive
 * (searchText columns, folded by searchKey, trigram GIN indexes): every word typed must occur; results whose
 * title holds the words come first (the phrase itself before the words apart), then by pg_trgm's
 * word_similarity of the query to the whole text, then the newest.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { searchKey } from '../../../../shared/vietnamese-text.ts';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../library.schemas.ts';
import { legalDocuments, portalArticles } from '../portal.sql.ts';
import { publicArticleCondition } from '../published-articles.ts';
import { articleText } from '../sanitize.ts';

/** At most this many matches of each source are ranked (a query matching more is too vague to page through). */
export const RANKED = 300;

export type SearchHit = {
  source: 'article' | 'page' | 'document';
  id: string;
  url: string;
  title: string;
  /** The text the snippet is cut from (accented, as written). */
  text: string;
  date: Date;
  rank: { title: number; similarity: number };
};

type Candidate = Omit<SearchHit, 'text' | 'rank'> & { similarity: number; titleKey: string };

/** 2: the title holds the typed phrase; 1: all its words; 0: neither. */
function titleRank(titleKey: string, words: readonly string[]): number {
  const padded = ` ${titleKey} `;
  if (padded.includes(` ${words.join(' ')}`)) return 2;
  return words.every((w) => titleKey.includes(w)) ? 1 : 0;
}

function wordsCondition(column: typeof portalArticles.searchText | typeof legalDocuments.searchText, words: readonly string[]) {
  // searchKey leaves letters, digits and spaces only: nothing in a word means anything to LIKE.
  return and(...words.map((w) => sql`${column} like ${`%${w}%`}`));
}

async function articleCandidates(db: Db, tenantId: number, words: readonly string[]): Promise<Candidate[]> {
  const phrase = words.join(' ');
  const similarity = sql<number>`word_similarity(${phrase}, ${portalArticles.searchText})`;
  const rows = await db
    .select({ id: portalArticles.id, kind: portalArticles.kind, slug: portalArticles.slug, title: portalArticles.title, date: sql<string>`coalesce(${portalArticles.publishedAt}, ${portalArticles.publishAt}, ${portalArticles.updatedAt})`, similarity })
    .from(portalArticles)
    .where(and(eq(portalArticles.tenantId, tenantId), publicArticleCondition(), wordsCondition(portalArticles.searchText, words)))
    .orderBy(desc(similarity))
    .limit(RANKED);
  return rows.map((r) => ({
    source: r.kind === 'page' ? 'page' : 'article',
    id: r.id,
    url: `${r.kind === 'page' ? '/trang' : '/tin-tuc'}/${r.slug}`,
    title: r.title,
    date: new Date(r.date),
    similarity: Number(r.similarity),
    titleKey: searchKey(r.title),
  }));
}

const documentTitle = (d: { kind: string; numberSymbol: string; title: string }) => `${DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? DOCUMENT_KIND_LABELS.other} số ${d.numberSymbol}: ${d.title}`;

async function documentCandidates(db: Db, tenantId: number, words: readonly string[]): Promise<Candidate[]> {
  const phrase = words.join(' ');
  const similarity = sql<number>`word_similarity(${phrase}, ${legalDocuments.searchText})`;
  const rows = await db
    .select({ id: legalDocuments.id, slug: legalDocuments.slug, kind: legalDocuments.kind, numberSymbol: legalDocuments.numberSymbol, title: legalDocuments.title, issuedOn: legalDocuments.issuedOn, similarity })
    .from(legalDocuments)
    .where(and(eq(legalDocuments.tenantId, tenantId), eq(legalDocuments.published, true), wordsCondition(legalDocuments.searchText, words)))
    .orderBy(desc(similarity))
    .limit(RANKED);
  return rows.map((r) => ({
    source: 'document',
    id: r.id,
    url: `/van-ban/${r.slug}`,
    title: documentTitle(r),
    date: new Date(`${r.issuedOn}T00:00:00Z`),
    similarity: Number(r.similarity),
    titleKey: searchKey(`${r.numberSymbol} ${r.title}`),
  }));
}

/** The texts snippets are cut from, for the hits shown only (bodies are the heavy part). */
async function textsOf(db: Db, tenantId: number, hits: Candidate[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const articleIds = hits.filter((h) => h.source !== 'document').map((h) => h.id);
  const documentIds = hits.filter((h) => h.source === 'document').map((h) => h.id);
  if (articleIds.length) {
    const rows = await db
      .select({ id: portalArticles.id, summary: portalArticles.summary, bodyHtml: portalArticles.bodyHtml })
      .from(portalArticles)
      .where(and(eq(portalArticles.tenantId, tenantId), inArray(portalArticles.id, articleIds)));
    for (const r of rows) texts.set(r.id, [r.summary, articleText(r.bodyHtml)].filter(Boolean).join(' '));
  }
  if (documentIds.length) {
    const rows = await db
      .select({ id: legalDocuments.id, summary: legalDocuments.summary, issuer: legalDocuments.issuer })
      .from(legalDocuments)
      .where(and(eq(legalDocuments.tenantId, tenantId), inArray(legalDocuments.id, documentIds)));
    for (const r of rows) texts.set(r.id, [r.summary, r.issuer].filter(Boolean).join(' — '));
  }
  return texts;
}

/** One page of ranked hits for the query's words, and how many there are in all (up to RANKED of each source). */
export async function searchPortal({ db, tenantId, words, limit, offset }: { db: Db; tenantId: number; words: readonly string[]; limit: number; offset: number }): Promise<{ hits: SearchHit[]; total: number }> {
  if (words.length === 0) return { hits: [], total: 0 };
  const candidates = [...(await articleCandidates(db, tenantId, words)), ...(await documentCandidates(db, tenantId, words))];
  const ranked = candidates
    .map((c) => ({ ...c, titleRank: titleRank(c.titleKey, words) }))
    .sort((a, b) => b.titleRank - a.titleRank || b.similarity - a.similarity || b.date.getTime() - a.date.getTime() || a.id.localeCompare(b.id));
  const shown = ranked.slice(offset, offset + limit);
  const texts = await textsOf(db, tenantId, shown);
  return {
    total: ranked.length,
    hits: shown.map(({ titleKey: _key, similarity, titleRank: title, ...hit }) => ({ ...hit, text: texts.get(hit.id) ?? '', rank: { title, similarity } })),
  };
}
