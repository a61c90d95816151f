import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: consoleRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@cascade/contracts': `${repoRoot}libs/contracts/src/index.ts`,
    },
  },
  build: {
    outDir: `${repoRoot}dist/console`,
    emptyOutDir: true,
    // react-admin and MUI make one large vendor chunk; it is cached across releases.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    port: 4200,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4200 },
});
