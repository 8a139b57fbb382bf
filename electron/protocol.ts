/**
 * The privileged app:// scheme that serves the renderer from dist/renderer. One stable origin
 * (app://landpatrol) keeps IndexedDB data across versions and lets module scripts, workers and fetch
 * behave as on the web, which file:// does not.
 */
import { protocol } from 'electron';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { resolveAppFile } from './app-file';
import { APP_SCHEME, appResponseHeaders, policyForPath } from './app-path';

/** Must run before app 'ready'. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // allowServiceWorkers: the online basemaps' service worker (electron/csp.ts SERVICE_WORKER_CONTENT_SECURITY_POLICY).
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
        codeCache: true,
        allowServiceWorkers: true,
      },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/**
 * The handler for app:// requests on `rootDir`: only GET/HEAD; a file is served only when its real path is
 * inside the real renderer folder (app-file.ts); refusals are logged with their reason.
 */
export function appProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const r = await resolveAppFile(rootDir, request.url);
    if (!r.ok) {
      if (r.reason !== 'not-found') console.warn(`[app://] refused ${JSON.stringify(request.url.slice(0, 200))}: ${r.reason}`);
      return textResponse(r.status, r.status === 404 ? 'Not Found' : 'Bad Request');
    }
    // The basemaps' service worker, at the root only, runs under its own policy; every other file under the page's.
    const headers = appResponseHeaders(r.mimeType, r.sizeBytes, policyForPath(new URL(request.url).pathname));
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = Readable.toWeb(createReadStream(r.realPath)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers });
  };
}

/** Serve files from `rootDir` (after app 'ready'). */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rootDir));
}
