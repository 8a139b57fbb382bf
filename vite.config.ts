import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './electron/csp';

// LANDPATROL_PREVIEW_PORT: another port for the preview server, so two working copies can run their journeys at once.
const previewPort = Number(process.env.LANDPATROL_PREVIEW_PORT ?? 4173);

// The renderer is a plain web app: the same build runs in Chromium (tests, `npm start` without Electron)
// and inside Electron behind the app:// protocol. `base: './'` keeps every URL relative so both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../resources/public',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    sourcemap: true,
  },
  // The preview server (end-to-end journeys) sends the app:// handler's CSP header on every response, so
  // workers run under the policy too: a worker obeys its own response's header, not the page's <meta> tag.
  // GEOS in the import and overlay workers needs 'wasm-unsafe-eval' there (README, Decision 15).
  preview: { port: previewPort, strictPort: true, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
