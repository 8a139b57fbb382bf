/**
 * The one way an online tile is asked for (page and download worker alike): the same-origin endpoint that the
 * basemaps' service worker answers (resources/public/basemap-sw.js; README, Decision on online basemaps). The page's
 * CSP stays connect-src 'self'; the worker refuses any origin not in `allowed`.
 */
import { isUrlAllowed } from './basemaps.logic';

export const SERVICE_WORKER_URL = './basemap-sw.js';
const ENDPOINT = './__lp-basemap';

export type TileFetchResult =
  { status: 'ok'; bytes: ArrayBuffer } | { status: 'offline' | 'refused' | 'notFound' | 'denied' | 'failed'; code?: number };

let registration: Promise<void> | null = null;

/**
 * Registers the service worker (first source switched on) and waits until it controls this page. Never called while
 * no source is on: a fresh start registers nothing and asks nothing of any host.
 */
export function ensureServiceWorker(): Promise<void> {
  registration ??= (async () => {
    if (!('serviceWorker' in navigator)) throw new Error('noServiceWorker');
    await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: './' });
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  })().catch((err: unknown) => {
    registration = null;
    throw err;
  });
  return registration;
}

/** The endpoint as an absolute URL (a worker's relative URLs resolve against its own script). */
export const endpointUrl = (base: string): string => new URL(ENDPOINT, base).href;

/**
 * Fetches one tile through the service worker. Never throws and never logs (the URL carries the user's key): the
 * result says what happened. A URL outside `allowed` is refused here already, before anything is asked.
 */
export async function fetchOnlineTile(endpoint: string, url: string, allowed: readonly string[], signal?: AbortSignal): Promise<TileFetchResult> {
  if (!isUrlAllowed(url, allowed)) return { status: 'refused' };
  try {
    const r = await fetch(`${endpoint}?u=${encodeURIComponent(url)}`, { headers: { 'x-lp-allowed': allowed.join(' ') }, cache: 'no-store', signal });
    const status = r.headers.get('x-lp-status');
    if (status === 'ok') return { status: 'ok', bytes: await r.arrayBuffer() };
    if (status === 'offline') return { status: 'offline' };
    if (status === 'refused') return { status: 'refused' };
    const code = Number(/^http-(\d+)$/.exec(status ?? '')?.[1] ?? NaN);
    if (code === 404 || code === 204) return { status: 'notFound', code };
    if (code === 401 || code === 403 || code === 418) return { status: 'denied', code };
    // No x-lp-status: the service worker did not answer (not in control yet): said as failed, not as offline.
    return { status: 'failed', code: Number.isFinite(code) ? code : r.status };
  } catch {
    if (signal?.aborted) return { status: 'failed' };
    return { status: 'offline' };
  }
}
