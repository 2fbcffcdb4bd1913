import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Client build. `npm run build` writes client/dist, which the server serves at `/`.
 * `npm run dev` (scripts/dev.mjs) runs this with /graphql proxied to the API on :4000.
 * `--mode test` builds the same bundle with `window.cy` exposed for the browser tests.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Name the shared chunks by what they hold, so the bench's per-chunk sizes read clearly.
        codeSplitting: {
          groups: [{ name: 'cytoscape', test: /node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/ }],
        },
      },
    },
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/graphql': { target: process.env.HONGTU_API ?? 'http://localhost:4000', changeOrigin: true } },
  },
});
