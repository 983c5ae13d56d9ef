// Vite build for the Duibiao web app: React plugin, /api proxy in dev, vendor chunks split by library.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const vendor = (pattern: string) => new RegExp(`node_modules[\\\\/](${pattern})[\\\\/]`);

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: vendor('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'), priority: 40 },
            { name: 'echarts', test: vendor('echarts|zrender|tslib'), priority: 30 },
            { name: 'zod', test: vendor('zod'), priority: 15 },
          ],
        },
      },
    },
  },
});
