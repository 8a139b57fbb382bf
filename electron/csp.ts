/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// handler (and by the dev static
 * server in scripts/start.mjs). The renderer's index.html <meta> tag carries the same policy less
 * `frame-ancestors` (CONTENT_SECURITY_POLICY_META: browsers ignore that directive in a meta tag): both
 * policies are enforced, so a stricter meta tag silently wins.
 *
 * Why each source: maplibre runs its worker from a same-origin script and makes blob: workers for some
 * builds (worker-src blob:); map canvases export as data:/blob: images; the renderer fetches bundled
 * styles/fonts from 'self'. No remote origin appears here: nothing leaves the machine by default.
 * 'wasm-unsafe-eval' (and only that, never 'unsafe-eval'): the geometry engine is GEOS compiled to
 * WebAssembly (geos-wasm, shared/domain/geometry/engine), which the import and overlay workers compile
 * with WebAssembly.instantiate; the directive allows compiling WebAssembly, not evaluating JavaScript
 * strings (CSP3 "wasm-unsafe-eval").
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self' blob: data:; font-src 'self' data:; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'";

/**
 * The same policy for the renderer's index.html <meta> tag. `frame-ancestors` is ignored in a meta
 * element (CSP3 §6.4.2) and Chromium logs a console error for it, so the meta form leaves it out; the
 * header still sends it.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/**
 * The online basemaps' service worker (resources/public/basemap-sw.js) is the only code that may reach a tile
 * server: its script is served with this policy instead (a worker obeys its own response's header, not the page's).
 * It fetches nothing, runs nothing and frames nothing but http(s) GETs; which hosts is decided per request against
 * the origins the user enabled — by the worker's own check (it refuses any other origin) and, in Electron, by the
 * session's request filter (security.ts setAllowedOrigins: exactly those origins). The page's policy above stays
 * as it is: connect-src 'self'.
 */
export const SERVICE_WORKER_PATH = 'basemap-sw.js';
export const SERVICE_WORKER_CONTENT_SECURITY_POLICY = "default-src 'none'; connect-src 'self' http: https:";
