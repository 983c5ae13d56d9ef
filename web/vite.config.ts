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
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: vendor('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'), priority: 40 },
            { name: 'echarts', test: vendor('echarts|zrender|tslib'), priority: 30 },
            { name: 'antd-icons', test: vendor('@ant-design[\\\\/]icons|@ant-design[\\\\/]icons-svg'), priority: 25 },
            { name: 'antd', test: vendor('antd|@ant-design|@rc-component|rc-[a-z-]+|@babel[\\\\/]runtime|classnames|dayjs|stylis|@emotion'), priority: 20 },
            { name: 'zod', test: vendor('zod'), priority: 15 },
          ],
        },
      },
    },
  },
});
