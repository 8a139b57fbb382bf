import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, SERVICE_WORKER_CONTENT_SECURITY_POLICY, SERVICE_WORKER_PATH } from './electron/csp';

// LANDPATROL_PREVIEW_PORT: another port for the preview server, so two working copies can run their journeys at once.
const previewPort = Number(process.env.LANDPATROL_PREVIEW_PORT ?? 4173);

// The basemaps' service worker is served with its own policy (electron/csp.ts), as the app:// handler does: every
// other response keeps the page's. The header is swapped where it is set, whichever middleware sets it.
const serviceWorkerPolicy: Plugin = {
  name: 'landpatrol-service-worker-csp',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      if ((req.url ?? '').split('?')[0]!.endsWith(`/${SERVICE_WORKER_PATH}`)) {
        const set = res.setHeader.bind(res);
        res.setHeader = (name, value) => set(name, name.toLowerCase() === 'content-security-policy' ? SERVICE_WORKER_CONTENT_SECURITY_POLICY : value);
      }
      next();
    });
  },
};

// The renderer is a plain web app: the same build runs in Chromium (tests, `npm start` without Electron)
// and inside Electron behind the app:// protocol. `base: './'` keeps every URL relative so both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: '../resources/public',
  plugins: [react(), serviceWorkerPolicy],
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
