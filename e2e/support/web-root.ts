import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const webRoot = path.join(repoRoot, 'dist/web');
