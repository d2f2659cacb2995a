import { defineConfig } from 'vite';

// A static build (`dist/`) with relative paths, so it can be served from any directory.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  preview: { host: '127.0.0.1', port: 8080 },
});
