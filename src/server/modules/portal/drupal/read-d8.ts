/**
 * A Drupal 8+ database dump as CSV/JSON tables: node_field_data (title, type, status, author, dates), node__body,
 * taxonomy_term_field_data, taxonomy_index and/or node__field_tags, path_alias (or 8.0–8.7's url_alias),
 * file_managed and users_field_data when present; the photos under files/.
 */
import { drupalDate, DrupalSourceError, oldPath, personName, type DrupalArticle, type DrupalSite } from './drupal-site.ts';
import { dumpImageReader } from './image-sources.ts';
import { groupBy, hasTable, intOf, readTable, where, type Row } from './tables.ts';

export function isD8Dump(dir: string): boolean {
  return hasTable(dir, 'node_field_data');
}

/** Reads the dump in `dir`; a missing table, an unreadable file or a node without a title is a DrupalSourceError. */
export function readD8Dump(dir: string): DrupalSite {
  const nodes = readTable(dir, 'node_field_data', { required: true, columns: ['nid', 'type', 'title', 'status', 'created', 'changed'] });
  const bodies = groupBy(readTable(dir, 'node__body', { required: true, columns: ['entity_id', 'body_value'] }).filter((r) => r.deleted !== '1'), 'entity_id');
  const terms = readTable(dir, 'taxonomy_term_field_data', { required: true, columns: ['tid', 'vid', 'name'] });
  const index = readTable(dir, 'taxonomy_index', { required: false, columns: ['nid', 'tid'] });
  const fieldTags = readTable(dir, 'node__field_tags', { required: false, columns: ['entity_id', 'field_tags_target_id'] });
  if (!hasTable(dir, 'taxonomy_index') && !hasTable(dir, 'node__field_tags')) throw new DrupalSourceError(`Thiếu bảng taxonomy_index hoặc node__field_tags (.csv hoặc .json) trong thư mục ${dir}.`);
  const aliasRows = hasTable(dir, 'path_alias')
    ? readTable(dir, 'path_alias', { required: true, columns: ['path', 'alias'] })
    : readTable(dir, 'url_alias', { required: false, columns: ['source', 'alias'] }).map((r) => ({ ...r, path: r.source }) as Row);
  if (!hasTable(dir, 'path_alias') && !hasTable(dir, 'url_alias')) throw new DrupalSourceError(`Thiếu bảng path_alias (path_alias.csv hoặc path_alias.json) trong thư mục ${dir}.`);
  const users = new Map(readTable(dir, 'users_field_data', { required: false, columns: ['uid', 'name'] }).map((r) => [r.uid, r.name]));

  const termById = new Map(terms.map((t) => [intOf(t, 'tid'), t]));
  const tagIds = new Set(fieldTags.map((r) => intOf(r, 'field_tags_target_id')));
  const termsOf = new Map<number, number[]>();
  for (const row of [...index.map((r) => [intOf(r, 'nid'), intOf(r, 'tid')] as const), ...fieldTags.map((r) => [intOf(r, 'entity_id'), intOf(r, 'field_tags_target_id')] as const)]) {
    const list = termsOf.get(row[0]) ?? [];
    if (!list.includes(row[1])) list.push(row[1]);
    termsOf.set(row[0], list);
  }
  const aliasesOf = new Map<number, string[]>();
  for (const row of aliasRows) {
    const match = /^\/?node\/(\d+)$/.exec(row.path ?? '');
    if (!match || !row.alias) continue;
    const nid = Number(match[1]);
    aliasesOf.set(nid, [...(aliasesOf.get(nid) ?? []), oldPath(row.alias)]);
  }

  // A translated node has one row per language: the default language's row is the node.
  const rows = nodes.filter((r) => r.default_langcode === undefined || r.default_langcode === null || r.default_langcode === '1');
  const articles: DrupalArticle[] = rows.map((row) => {
    const nid = intOf(row, 'nid');
    const title = (row.title ?? '').trim();
    if (!title) throw new DrupalSourceError(`${where(row)} (nid ${nid}): bài không có tiêu đề.`);
    const created = drupalDate(row.created);
    if (!created) throw new DrupalSourceError(`${where(row)} (nid ${nid}): ngày tạo "${row.created ?? ''}" không đọc được.`);
    const body = bodies.get(nid)?.sort((a, b) => Number(a.delta ?? 0) - Number(b.delta ?? 0))[0];
    const nodeTerms = (termsOf.get(nid) ?? []).map((tid) => termById.get(tid)).filter((t): t is Row => t !== undefined);
    const isTag = (t: Row) => t.vid === 'tags' || tagIds.has(intOf(t, 'tid'));
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
      categories: nodeTerms.filter((t) => !isTag(t)).map((t) => t.name ?? '').filter(Boolean),
      tags: nodeTerms.filter(isTag).map((t) => t.name ?? '').filter(Boolean),
      aliases: aliasesOf.get(nid) ?? [],
    };
  });
  return { form: 'd8', origin: dir, articles, readImage: dumpImageReader(dir) };
}
