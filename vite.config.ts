import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          // the chart libraries stay out of the vendor chunk: the bundler puts them in the lazily loaded
          // chunk of the one page that draws a chart (a manual group would drag shared code, React, along)
          if (/node_modules\/(echarts|echarts-for-react|zrender|size-sensor)\//.test(id)) return undefined;
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
