import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // no manual vendor chunk: each page is loaded lazily (web/src/lazy-page.tsx) and the bundler splits
    // the libraries by who uses them, so the login page downloads React, the router and the few antd
    // parts it shows — not the tables, pickers and charts of the other pages
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
