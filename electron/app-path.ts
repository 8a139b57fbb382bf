/**
 * Pure mapping of an app:// request URL to a file under the renderer's root folder. No Electron import,
 * so the Electron protocol handler and the dev static server (scripts/start.mjs) share it, and it is
 * unit-tested against traversal attacks.
 */
import path from 'node:path';
import { fileNameProblem } from '../shared/validation/file-name';
import { CONTENT_SECURITY_POLICY, SERVICE_WORKER_CONTENT_SECURITY_POLICY, SERVICE_WORKER_PATH } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'landpatrol';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export type AppPathRejection =
  | 'bad-url'
  | 'wrong-scheme'
  | 'wrong-host'
  | 'nul'
  | 'backslash'
  | 'bad-encoding'
  | 'encoded-separator'
  | 'traversal'
  | 'empty-segment'
  | 'forbidden-name'
  | 'outside-root';

export type AppPathResult = { ok: true; filePath: string; mimeType: string } | { ok: false; reason: AppPathRejection };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pbf': 'application/x-protobuf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.zip': 'application/zip',
  '.pdf': 'application/pdf',
};

/** MIME type by extension (case-insensitive); unknown types are served as opaque bytes. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A percent sign left after decoding means the URL was encoded twice ("%252e%252e"): Vite never emits one, and
 * a second decoding elsewhere could turn it into a separator or "..".
 */
const DOUBLE_ENCODED = /%/;

/**
 * Resolve `requestUrl` (e.g. `app://landpatrol/assets/index-abc.js?x=1`) to a file inside `rootDir`.
 * `/` serves index.html. Query and fragment are ignored. Everything suspicious is refused with a named
 * reason rather than normalised, so a traversal attempt never becomes a different, valid file.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResult {
  if (requestUrl.includes('\0') || /%00/i.test(requestUrl)) return { ok: false, reason: 'nul' };
  const prefix = `${APP_SCHEME}://`;
  if (requestUrl.slice(0, prefix.length).toLowerCase() !== prefix) {
    return { ok: false, reason: /^[a-z][a-z0-9+.-]*:/i.test(requestUrl) ? 'wrong-scheme' : 'bad-url' };
  }
  // Work on the raw text: WHATWG parsing would silently resolve "a/../b" and hide the attempt.
  const afterScheme = requestUrl.slice(prefix.length);
  const rawPathAndMore = afterScheme.slice(afterScheme.search(/[/?#]|$/));
  const rawHost = afterScheme.slice(0, afterScheme.length - rawPathAndMore.length);
  if (rawHost.toLowerCase() !== APP_HOST) return { ok: false, reason: 'wrong-host' };
  const rawPath = rawPathAndMore.split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\') || /%5c/i.test(rawPath)) return { ok: false, reason: 'backslash' };
  if (/%2f/i.test(rawPath)) return { ok: false, reason: 'encoded-separator' };
  if (rawPath === '' || rawPath === '/') return ok(rootDir, ['index.html']);

  const rawSegments = rawPath.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, reason: 'bad-encoding' };
    }
    if (seg === '.' || seg === '..') return { ok: false, reason: 'traversal' };
    if (seg === '') return { ok: false, reason: 'empty-segment' };
    if (seg.includes('/') || seg.includes('\\')) return { ok: false, reason: 'encoded-separator' };
    // The one file-name rule (device names, trailing dots, control, bidi and zero-width characters, …).
    if (DOUBLE_ENCODED.test(seg) || fileNameProblem(seg) !== null) return { ok: false, reason: 'forbidden-name' };
    segments.push(seg);
  }
  return ok(rootDir, segments);
}

function ok(rootDir: string, segments: string[]): AppPathResult {
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const rel = path.relative(root, filePath);
  // Defence in depth: the checks above should make this unreachable.
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { ok: false, reason: 'outside-root' };
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

/** Headers for every file the app:// handler (or the dev server) sends. */
/** The policy a response carries: the basemaps' service worker (at the root only) its own, every other file the page's. */
export function policyForPath(pathname: string): string {
  return pathname.split('?')[0] === `/${SERVICE_WORKER_PATH}` ? SERVICE_WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}

export function appResponseHeaders(mimeType: string, sizeBytes?: number, policy: string = CONTENT_SECURITY_POLICY): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': mimeType,
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
  if (sizeBytes !== undefined) headers['Content-Length'] = String(sizeBytes);
  return headers;
}
