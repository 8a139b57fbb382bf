/**
 * The privileged app:// scheme that serves the renderer from dist/renderer. One stable origin
 * (app://landpatrol) keeps IndexedDB data across versions and lets module scripts, workers and fetch
 * behave as on the web, which file:// does not.
 */
import { protocol } from 'electron';
import { createReadStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { APP_SCHEME, appResponseHeaders, resolveAppPath } from './app-path';

/** Must run before app 'ready'. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
}

/** Serve files from `rootDir` (after app 'ready'). Only GET/HEAD; refusals are logged with their reason. */
export function handleAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const r = resolveAppPath(rootDir, request.url);
    if (!r.ok) {
      console.warn(`[app://] refused ${JSON.stringify(request.url)}: ${r.reason}`);
      return textResponse(r.reason === 'wrong-host' ? 404 : 400, 'Bad Request');
    }
    let size: number;
    try {
      const st = await fs.stat(r.filePath);
      if (!st.isFile()) return textResponse(404, 'Not Found');
      size = st.size;
    } catch {
      return textResponse(404, 'Not Found');
    }
    const headers = appResponseHeaders(r.mimeType, size);
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    const body = Readable.toWeb(createReadStream(r.filePath)) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers });
  });
}
