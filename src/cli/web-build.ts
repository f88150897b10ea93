import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const webRoot = path.join(root, 'dist/web');

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** dist/web is missing, or older than what it is built from: src/web, src/shared and vite.config.ts. */
export function webBuildIsStale(): boolean {
  const index = path.join(webRoot, 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newestMtime(path.join(root, 'src/web')), newestMtime(path.join(root, 'src/shared')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  return statSync(index).mtimeMs < sources;
}

/**
 * Builds the web app into dist/web with Vite, in a process of its own with NODE_ENV=production: inside a test
 * runner (NODE_ENV=test) Vite would bundle React's development build, three times the size of what is shipped.
 * Used by `coop start`, the browser journeys and the browser benchmark. Throws when the build fails.
 */
export function buildWeb(options: { logLevel?: 'info' | 'warn' } = {}): void {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', path.join(root, 'vite.config.ts'), '--logLevel', options.logLevel ?? 'info'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('vite build failed');
}
