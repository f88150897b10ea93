import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, webRoot } from './web-root.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/web before the journeys when it is missing or older than its sources (as `coop start` does). In a
 * process of its own with NODE_ENV=production: inside the test runner (NODE_ENV=test) Vite would bundle React's
 * development build, three times the size of what the server ships.
 */
export default async function setup(): Promise<void> {
  const index = path.join(webRoot, 'index.html');
  const sources = Math.max(newestMtime(path.join(repoRoot, 'src/web')), newestMtime(path.join(repoRoot, 'src/shared')), statSync(path.join(repoRoot, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(repoRoot, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('vite build failed');
}
