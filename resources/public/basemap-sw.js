/* global self, URL, Response, fetch */
/*
 * LandPatrol — the online basemaps' service worker (README, Decision "online basemaps through a service worker").
 * The page's own CSP never widens (connect-src 'self'); a tile of an enabled online source is asked for as the
 * same-origin URL ./__lp-basemap?u=<tile URL>, with the enabled origins in the x-lp-allowed header, and only
 * this worker fetches it, only when the tile's origin is one of them (anything else: "refused"). Every answer is a
 * 200 with an x-lp-status header (ok | offline | refused | http-<code>), so a failed tile never becomes a red console
 * line in the page. No cookies, no referrer, nothing but the GET of the tile goes out.
 */
const ENDPOINT = new URL('./__lp-basemap', self.registration.scope).pathname;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || url.pathname !== ENDPOINT) return;
  event.respondWith(proxy(event.request, url));
});

function answer(status, body, type) {
  const headers = { 'x-lp-status': status, 'cache-control': 'no-store' };
  if (type) headers['content-type'] = type;
  return new Response(body ?? null, { status: 200, headers });
}

function originOf(text) {
  try {
    const u = new URL(text);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username !== '' || u.password !== '') return null;
    return u.origin;
  } catch {
    return null;
  }
}

async function proxy(request, url) {
  const target = url.searchParams.get('u') ?? '';
  const allowed = (request.headers.get('x-lp-allowed') ?? '').split(' ').filter((o) => o !== '');
  const origin = originOf(target);
  if (origin === null || !allowed.includes(origin)) return answer('refused');
  try {
    const r = await fetch(target, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error', signal: request.signal });
    if (!r.ok) return answer(`http-${r.status}`);
    return answer('ok', await r.arrayBuffer(), r.headers.get('content-type') ?? 'application/octet-stream');
  } catch {
    return answer('offline');
  }
}
