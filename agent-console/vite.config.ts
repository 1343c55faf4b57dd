import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Two pages from one build: `/` is the citizen page, `/console/` the agent console. The backend
 * serves `dist/` itself, so production has one origin and no proxy; the dev server proxies to it.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: { citizen: here('index.html'), console: here('console/index.html') },
      // Both pages share React, i18next and socket.io, and our own shared code: cache them once.
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /node_modules/ },
            { name: 'shared', test: /src[\\/]shared/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});
