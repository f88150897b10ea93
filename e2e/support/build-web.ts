import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { repoRoot, webRoot } from './web-root.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist/web before the journeys when it is missing or older than its sources (as `coop start` does). */
export default async function setup(): Promise<void> {
  const index = path.join(webRoot, 'index.html');
  const sources = Math.max(newestMtime(path.join(repoRoot, 'src/web')), newestMtime(path.join(repoRoot, 'src/shared')), statSync(path.join(repoRoot, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), logLevel: 'warn' });
}
