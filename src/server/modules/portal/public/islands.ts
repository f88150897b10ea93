/**
 * The few public pages that draw something with a script (the figures' charts) take it from an entry of the web
 * build (vite.config.ts: figures.html): its hashed script, preloads and stylesheet, read once from the built HTML
 * so that the page always names the files of the build it is served with.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const cache = new Map<string, string>();

/** The <script>, <link rel="modulepreload"> and <link rel="stylesheet"> tags of a built entry, or '' without a build. */
export function islandTags(webRoot: string, entry: 'figures'): string {
  const file = path.join(webRoot, `${entry}.html`);
  const known = cache.get(file);
  if (known !== undefined) return known;
  const html = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const tags = (html.match(/<script type="module"[^>]*><\/script>|<link rel="(?:modulepreload|stylesheet)"[^>]*>/g) ?? []).join('');
  cache.set(file, tags);
  return tags;
}
