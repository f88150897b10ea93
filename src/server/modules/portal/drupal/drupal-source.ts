/** Which reader a SOURCE needs: a dump's folder (Drupal 8+ or 7), a feed (.xml, /rss.xml) or a site's JSON:API. */
import { existsSync, statSync } from 'node:fs';
import { DrupalSourceError, type DrupalSite } from './drupal-site.ts';
import { isD7Dump, readD7Dump } from './read-d7.ts';
import { isD8Dump, readD8Dump } from './read-d8.ts';
import { readJsonApi } from './read-jsonapi.ts';
import { readRss } from './read-rss.ts';

/** Reads the old site from `source`: a URL (RSS when it names a feed, else JSON:API) or a folder or .xml file. */
export async function readDrupalSource(source: string): Promise<DrupalSite> {
  if (/^https?:\/\//i.test(source)) {
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      throw new DrupalSourceError(`Địa chỉ "${source}" không hợp lệ.`);
    }
    return /(\.xml|\/rss|\/feed)$/i.test(url.pathname) ? readRss(source) : readJsonApi(source);
  }
  if (!existsSync(source)) throw new DrupalSourceError(`Không tìm thấy ${source}.`);
  if (statSync(source).isFile()) {
    if (/\.xml$/i.test(source)) return readRss(source);
    throw new DrupalSourceError(`${source}: cần một thư mục chứa các bảng (.csv, .json), một tệp RSS (.xml) hoặc địa chỉ của trang.`);
  }
  if (isD8Dump(source)) return readD8Dump(source);
  if (isD7Dump(source)) return readD7Dump(source);
  throw new DrupalSourceError(`Thư mục ${source} không có bảng node_field_data (Drupal 8+) hay field_data_body (Drupal 7), dạng .csv hoặc .json.`);
}
