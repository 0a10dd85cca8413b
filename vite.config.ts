import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './src/web/build/precompress.js';

// Three pages, three bundles: the admin app (antd), the delegate phone pages (antd-mobile only,
// kept light for phones on village networks) and the meeting-hall screen.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        index: 'index.html',
        delegate: 'delegate.html',
        screen: 'screen.html',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
