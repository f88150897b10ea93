/**
 * A Drupal 7 database dump as CSV/JSON tables: node, field_data_body, taxonomy_term_data, taxonomy_index,
 * url_alias ("node/123" → "tin-tuc/…"), taxonomy_vocabulary, file_managed and users when present; the photos
 * under files/. Without taxonomy_vocabulary, vocabulary 1 is the standard profile's "tags".
 */
import { drupalDate, DrupalSourceError, oldPath, personName, type DrupalArticle, type DrupalSite } from './drupal-site.ts';
import { dumpImageReader } from './image-sources.ts';
import { groupBy, hasTable, intOf, readTable, where } from './tables.ts';

export function isD7Dump(dir: string): boolean {
  return hasTable(dir, 'field_data_body');
}

/** Reads the dump in `dir`; a missing table, an unreadable file or a node without a title is a DrupalSourceError. */
export function readD7Dump(dir: string): DrupalSite {
  const nodes = readTable(dir, 'node', { required: true, columns: ['nid', 'type', 'title', 'status', 'created', 'changed'] });
  const bodies = groupBy(readTable(dir, 'field_data_body', { required: true, columns: ['entity_id', 'body_value'] }).filter((r) => (r.entity_type ?? 'node') === 'node' && r.deleted !== '1'), 'entity_id');
  const terms = readTable(dir, 'taxonomy_term_data', { required: true, columns: ['tid', 'vid', 'name'] });
  const index = readTable(dir, 'taxonomy_index', { required: true, columns: ['nid', 'tid'] });
  const aliases = readTable(dir, 'url_alias', { required: true, columns: ['source', 'alias'] });
  const vocabularies = readTable(dir, 'taxonomy_vocabulary', { required: false, columns: ['vid', 'machine_name'] });
  const users = new Map(readTable(dir, 'users', { required: false, columns: ['uid', 'name'] }).map((r) => [r.uid, r.name]));
  if (!nodes.length) throw new DrupalSourceError(`${dir}: bảng node không có dòng nào.`);

  const tagVocabularies = new Set(vocabularies.length ? vocabularies.filter((v) => v.machine_name === 'tags').map((v) => v.vid) : ['1']);
  const termById = new Map(terms.map((t) => [intOf(t, 'tid'), t]));
  const termsOf = groupBy(index, 'nid');
  const aliasesOf = new Map<number, string[]>();
  for (const row of aliases) {
    const match = /^\/?node\/(\d+)$/.exec(row.source ?? '');
    if (!match || !row.alias) continue;
    const nid = Number(match[1]);
    aliasesOf.set(nid, [...(aliasesOf.get(nid) ?? []), oldPath(row.alias)]);
  }

  const articles: DrupalArticle[] = nodes.map((row) => {
    const nid = intOf(row, 'nid');
    const title = (row.title ?? '').trim();
    if (!title) throw new DrupalSourceError(`${where(row)} (nid ${nid}): bài không có tiêu đề.`);
    const created = drupalDate(row.created);
    if (!created) throw new DrupalSourceError(`${where(row)} (nid ${nid}): ngày tạo "${row.created ?? ''}" không đọc được.`);
    const body = bodies.get(nid)?.sort((a, b) => Number(a.delta ?? 0) - Number(b.delta ?? 0))[0];
    const nodeTerms = (termsOf.get(nid) ?? []).map((r) => termById.get(intOf(r, 'tid'))).filter((t) => t !== undefined);
    return {
      nid,
      type: row.type ?? '',
      published: row.status === '1',
      title,
      bodyHtml: body?.body_value ?? '',
      summary: body?.body_summary ?? '',
      created,
      changed: drupalDate(row.changed) ?? created,
      accountName: personName(users.get(row.uid ?? '')),
      categories: nodeTerms.filter((t) => !tagVocabularies.has(t.vid)).map((t) => t.name ?? '').filter(Boolean),
      tags: nodeTerms.filter((t) => tagVocabularies.has(t.vid)).map((t) => t.name ?? '').filter(Boolean),
      aliases: aliasesOf.get(nid) ?? [],
    };
  });
  return { form: 'd7', origin: dir, articles, readImage: dumpImageReader(dir) };
}
