/**
 * The four readers on the fixture site (fixtures/make-fixtures.ts): each gives node 123 — the seed article — with
 * its title, category, tags, alias, account and seven photos; a bad source is a Vietnamese error naming the file
 * and the row.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDrupalSource } from './drupal-source.ts';
import { DrupalSourceError, type DrupalSite } from './drupal-site.ts';
import { serveFixtureSite, type FixtureSite } from './fixtures/serve-site.ts';

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const SEED_TITLE = 'Hội nghị tổng kết hoạt động thành viên năm 2023 – triển khai nhiệm vụ trọng tâm năm 2024';
let site: FixtureSite;
const scratch = mkdtempSync(path.join(tmpdir(), 'drupal-readers-'));

beforeAll(async () => {
  site = await serveFixtureSite();
});
afterAll(async () => {
  await site.close();
  rmSync(scratch, { recursive: true, force: true });
});

function seedOf(s: DrupalSite) {
  const seed = s.articles.find((a) => a.nid === 123);
  expect(seed).toBeDefined();
  return seed!;
}

describe('Drupal readers', () => {
  const forms: [string, () => string, DrupalSite['form'], number][] = [
    ['Drupal 8+ tables (CSV)', () => path.join(fixtures, 'd8'), 'd8', 51],
    ['Drupal 7 tables (JSON)', () => path.join(fixtures, 'd7'), 'd7', 51],
    ['JSON:API over HTTP, followed through links.next', () => site.url, 'jsonapi', 50],
    ['RSS over HTTP', () => `${site.url}/rss.xml`, 'rss', 10],
  ];
  it.each(forms)('%s: the seed article with its category, tags, alias and photos', async (_name, source, form, count) => {
    const read = await readDrupalSource(source());
    expect(read.form).toBe(form);
    expect(read.articles).toHaveLength(count);
    const seed = seedOf(read);
    expect(seed).toMatchObject({ title: SEED_TITLE, type: 'article', published: true, categories: ['Hội thảo, tập huấn bồi dưỡng'], tags: ['Kinh tế tập thể', 'Hợp tác xã', 'Tháng hành động vì HTX'], aliases: ['/tin-tuc/hoi-nghi-tong-ket-hoat-dong-thanh-vien-nam-2023.html'], accountName: 'Nguyễn Thị Thúy' });
    expect(seed.created.toISOString()).toBe('2024-03-05T03:15:00.000Z');
    expect(seed.bodyHtml).toContain('Quang cảnh Hội nghị');
    expect(seed.bodyHtml).toContain('Nguyễn Thị Thúy - Chánh Văn phòng');
    const photos = [...seed.bodyHtml.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(photos).toHaveLength(7);
    const first = await read.readImage(photos[0]!);
    expect(first.ok && first.bytes.length > 1000).toBe(true);
  });

  it('the JSON:API reader asked for every page, and the deleted photo is reported with its reason', async () => {
    site.requests.length = 0;
    const read = await readDrupalSource(site.url);
    const include = 'include=field_phan_loai%2Cfield_tags%2Cuid';
    expect(site.requests.filter((r) => r.startsWith('/jsonapi/'))).toEqual([
      '/jsonapi/node/article',
      `/jsonapi/node/article?${include}`,
      `/jsonapi/node/article?page%5Boffset%5D=20&page%5Blimit%5D=20&${include}`,
      `/jsonapi/node/article?page%5Boffset%5D=40&page%5Blimit%5D=20&${include}`,
    ]);
    const missing = await read.readImage('/sites/default/files/inline-images/2021-06/anh-da-xoa.jpg');
    expect(missing).toEqual({ ok: false, sourceUrl: `${site.url}/sites/default/files/inline-images/2021-06/anh-da-xoa.jpg`, reason: 'máy chủ trả lời HTTP 404' });
    const dump = await readDrupalSource(path.join(fixtures, 'd7'));
    expect(await dump.readImage('/sites/default/files/2021-06/anh-da-xoa.jpg')).toMatchObject({ ok: false, reason: 'không có tệp files/2021-06/anh-da-xoa.jpg trong bản sao' });
    expect(await dump.readImage('/sites/default/files/../../etc/passwd')).toMatchObject({ ok: false });
  });

  it('a basic page is read with its type (the importer leaves it out)', async () => {
    const read = await readDrupalSource(path.join(fixtures, 'd8'));
    expect(read.articles.find((a) => a.nid === 7)).toMatchObject({ type: 'page', title: 'Giới thiệu Liên minh HTX tỉnh' });
  });
});

describe('bad sources', () => {
  function copy(form: string): string {
    const dir = mkdtempSync(path.join(scratch, `${form}-`));
    cpSync(path.join(fixtures, form), dir, { recursive: true });
    return dir;
  }
  async function errorOf(source: string): Promise<string> {
    try {
      await readDrupalSource(source);
    } catch (error) {
      expect(error).toBeInstanceOf(DrupalSourceError);
      return (error as Error).message;
    }
    throw new Error('no error');
  }

  it('a missing table is named', async () => {
    const dir = copy('d8');
    rmSync(path.join(dir, 'path_alias.csv'));
    expect(await errorOf(dir)).toBe(`Thiếu bảng path_alias (path_alias.csv hoặc path_alias.json) trong thư mục ${dir}.`);
    const d7 = copy('d7');
    rmSync(path.join(d7, 'taxonomy_term_data.json'));
    expect(await errorOf(d7)).toBe(`Thiếu bảng taxonomy_term_data (taxonomy_term_data.csv hoặc taxonomy_term_data.json) trong thư mục ${d7}.`);
  });

  it('an unreadable CSV and a JSON that is not a list of rows are named with the file', async () => {
    const dir = copy('d8');
    writeFileSync(path.join(dir, 'node__body.csv'), 'entity_id,body_value\n"1","<p>a</p>\n');
    expect(await errorOf(dir)).toMatch(/^Không đọc được node__body\.csv: /);
    const d7 = copy('d7');
    writeFileSync(path.join(d7, 'node.json'), '{"nid": 1}');
    expect(await errorOf(d7)).toBe('Không đọc được node.json: tệp không phải một danh sách bản ghi.');
  });

  it('a row without a title is named by file, line and node id', async () => {
    const dir = copy('d8');
    const file = path.join(dir, 'node_field_data.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Hội nghị tổng kết hoạt động thành viên năm 2023 – triển khai nhiệm vụ trọng tâm năm 2024"', '""'));
    expect(await errorOf(dir)).toBe('node_field_data.csv, dòng 25 (nid 123): bài không có tiêu đề.');
    const d7 = copy('d7');
    const json = path.join(d7, 'node.json');
    writeFileSync(json, readFileSync(json, 'utf8').replace(`"title": "${SEED_TITLE}"`, '"title": " "'));
    expect(await errorOf(d7)).toBe('node.json, bản ghi thứ 24 (nid 123): bài không có tiêu đề.');
  });

  it('a folder that is no Drupal dump, a missing path and a site without JSON:API are explained', async () => {
    expect(await errorOf(scratch)).toBe(`Thư mục ${scratch} không có bảng node_field_data (Drupal 8+) hay field_data_body (Drupal 7), dạng .csv hoặc .json.`);
    expect(await errorOf(path.join(scratch, 'khong-co'))).toBe(`Không tìm thấy ${path.join(scratch, 'khong-co')}.`);
    expect(await errorOf(`${site.url}/khac/jsonapi/node/article`)).toBe(`Không tải được ${site.url}/khac/jsonapi/node/article: máy chủ trả lời HTTP 404.`);
  });
});
