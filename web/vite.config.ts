import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The website and the console: one app, built into web/dist and served by the API process (src/http/web.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one large chunk shared by both areas; the console and ECharts load on demand.
    chunkSizeWarningLimit: 1600,
  },
  // `npx vite web` for development: the API runs on its own port (npm start).
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
