import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = path.dirname(new URL(import.meta.url).pathname);

/**
 * The web app: sources in src/web, built into dist/web where the Fastify server serves it. The output
 * carries no inline script (the server's CSP allows scripts from 'self' only).
 */
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev`: the API runs beside it (`coop serve`, port 3000).
    proxy: { '/api': { target: process.env.COOP_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
