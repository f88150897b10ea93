import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** The built web app the journeys serve; E2E_WEB_ROOT points them at another build (one made apart from dist/web). */
export const webRoot = process.env.E2E_WEB_ROOT ?? path.join(repoRoot, 'dist/web');
