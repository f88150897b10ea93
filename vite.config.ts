import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = path.dirname(new URL(import.meta.url).pathname);
const outDir = path.join(repoRoot, 'dist/web');

/** The public pages: served from portal.html (a light entry without the back office), see src/web/portal/. */
const PORTAL_PATHS = ['/', '/directory'];
/** The login and the coop manager's pages: served from member.html (light too), see src/web/member/. */
const MEMBER_PATHS = [/^\/login$/, /^\/member(\/.*)?$/, /^\/account\/(set-password|forgot|request)$/];

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes a .br (quality 11) and a .gz (level 9) beside every text file of the build, which @fastify/static
 * serves with `preCompressed: true` (src/server/static-assets.ts). Compressing once at build rather than per
 * response (@fastify/compress): the best brotli level takes seconds for the largest chunk, too slow for a
 * request on a 2-core server that also runs the embedded database, and a lower level ships ~8 % more bytes
 * over a slow link. A dozen lines here instead of vite-plugin-compression2, which replaces process.stdout.write
 * as soon as the config is loaded (also under `npm run dev` and inside the e2e runner).
 */
function precompress(): Plugin {
  let dir = outDir;
  return {
    name: 'coop:precompress',
    apply: 'build',
    configResolved(config) {
      dir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const source = await readFile(path.join(dir, file));
          const [br, gz] = await Promise.all([
            brotli(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
            gzip(source, { level: 9 }),
          ]);
          // A file that does not shrink is served as it is.
          if (br.length < source.length) await writeFile(path.join(dir, `${file}.br`), br);
          if (gz.length < source.length) await writeFile(path.join(dir, `${file}.gz`), gz);
        }),
      );
    },
  };
}

/** `npm run dev`: the public and manager's paths open their light entries, as the server does (everything else the staff app). */
function portalInDev(): Plugin {
  return {
    name: 'coop:portal-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [pathname, search] = (req.url ?? '/').split('?');
        if (PORTAL_PATHS.includes(pathname!)) req.url = `/portal.html${search ? `?${search}` : ''}`;
        else if (MEMBER_PATHS.some((p) => p.test(pathname!))) req.url = `/member.html${search ? `?${search}` : ''}`;
        next();
      });
    },
  };
}

/**
 * The web app: sources in src/web, built into dist/web where the Fastify server serves it. Three entries: the
 * staff app (index.html: React, Ant Design, TanStack Query), the public portal (portal.html: React and a
 * small stylesheet) and the login with the coop manager's pages (member.html: the same, light). The output
 * carries no inline script (the server's CSP allows scripts from 'self' only).
 */
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  base: '/',
  plugins: [react(), portalInDev(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: {
        main: path.join(repoRoot, 'src/web/index.html'),
        portal: path.join(repoRoot, 'src/web/portal.html'),
        member: path.join(repoRoot, 'src/web/member.html'),
        // Not a page: the charts of the server-rendered /so-lieu (src/server/modules/portal/public/islands.ts).
        figures: path.join(repoRoot, 'src/web/figures.html'),
      },
    },
  },
  server: {
    // `npm run dev`: the API runs beside it (`coop serve`, port 3000).
    proxy: { '/api': { target: process.env.COOP_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
