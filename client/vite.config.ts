/**
 * Vite build of the browser client: root is client/, output goes to dist/client, which the server
 * serves at `/`. In development `/api` is proxied to the server on port 3000.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
