// biome-ignore lint/style/noRestrictedImports: the build config runs in Node, not in the browser
import path from 'node:path';
// biome-ignore lint/style/noRestrictedImports: the build config runs in Node, not in the browser
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));
// `npm run dev:renderer` talks to a collector already running on port 3000 (`npm run serve`).
const collector = process.env.AULA_DEV_COLLECTOR ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/admin': collector, '/api': collector } },
});
