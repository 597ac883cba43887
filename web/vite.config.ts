// Vite build for the practitioner web app. Vigil serves web/dist under /app/ with a strict CSP
// (no inline script or style), so nothing may be inlined into index.html.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/app/',
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
  },
  // `npm run dev`: the API comes from a `vigil serve` on its default address.
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // Every asset is a file under /app/assets/: no data: URLs, no inline anything.
    assetsInlineLimit: 0,
    // Browsers that run this app support modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    // CSS imported by a lazily loaded screen (Leaflet's, uPlot's) comes with that screen's chunk,
    // as a <link> to a file under /app/assets/ (allowed by style-src 'self'), not at sign-in.
    cssCodeSplit: true,
    sourcemap: false,
  },
});
