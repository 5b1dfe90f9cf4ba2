// The console's build: static files in console/dist, served by `npm start` locally and by
// S3 + CloudFront (or the private API's static route) on AWS.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstPageChunks } from './build/first-page-chunks.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), firstPageChunks()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The initial-JS budget is measured by `npm run bench`; this only keeps the warning quiet.
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/auth': 'http://127.0.0.1:8787' } },
});
