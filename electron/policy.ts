/**
 * Pure security decisions (no Electron import, unit-tested); security.ts wires them into Electron.
 * The rule behind all of them: the renderer is our own code served from app://landpatrol, and no request
 * leaves the machine unless the user switched on an online service.
 */
import { APP_HOST, APP_SCHEME } from './app-path';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for URLs of our own origin. Node's WHATWG URL gives custom schemes an opaque origin ("null"),
 * so compare scheme and host instead of `.origin`; a port or credentials make it someone else's URL.
 */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return (
    u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname.toLowerCase() === APP_HOST && u.port === '' && u.username === '' && u.password === ''
  );
}

/** IPC callers must be the main frame of a document from app://landpatrol (not an iframe, not a popup). */
export function isTrustedSender(frameUrl: string | undefined | null, isMainFrame: boolean): boolean {
  return isMainFrame && typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Schemes that never touch the network: a page's own Blob URLs and inline data. */
const LOCAL_SCHEMES = new Set(['blob:', 'data:']);
/** The built-in DevTools UI loads from devtools://; only a development build opens DevTools. */
const DEVTOOLS_SCHEME = 'devtools:';
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Normalise a user-entered origin ("https://t0.tianditu.gov.cn/") to its `origin` form, or null if it is
 * not an http(s)/ws(s) origin.
 */
export function normaliseOrigin(origin: string): string | null {
  const u = parse(origin);
  if (u === null || !NETWORK_SCHEMES.has(u.protocol) || u.username !== '' || u.password !== '') return null;
  return u.origin;
}

export interface RequestFilterOptions {
  /** A development build (not packaged): DevTools may load its own UI. */
  devTools: boolean;
}

/**
 * Session-level request filter: our app:// files and local blob:/data: URLs always pass; network URLs
 * pass only when their origin is one the user enabled for an online service (empty by default);
 * everything else (file:, ftp:, chrome-extension:, other custom schemes) is blocked. devtools: passes in a
 * development build only: a packaged app allows exactly app://, blob: and data:.
 */
export function isRequestAllowed(url: string, allowedOrigins: readonly string[], options: RequestFilterOptions = { devTools: false }): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (u === null) return false;
  if (LOCAL_SCHEMES.has(u.protocol)) return true;
  if (u.protocol === DEVTOOLS_SCHEME) return options.devTools;
  if (!NETWORK_SCHEMES.has(u.protocol)) return false;
  if (u.username !== '' || u.password !== '') return false;
  return allowedOrigins.some((o) => normaliseOrigin(o) === u.origin);
}

/** In-window navigation may only stay inside the app (reloads, same-document navigations). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * No web permission is granted (camera, geolocation, notifications, clipboard read, HID, …). Geolocation
 * for patrols would come through a main-process API the user switches on, not the web permission.
 */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
