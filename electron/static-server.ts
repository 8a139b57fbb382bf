/**
 * A tiny static server for machines without the Electron binary (scripts/start.mjs): serves the built
 * renderer with the same path resolver, symlink check, MIME types and CSP as the app:// handler. Node only;
 * never part of the packaged app.
 *
 * It is reachable from this computer only: it binds 127.0.0.1 (not 0.0.0.0, not ::), and it answers only
 * requests whose Host is 127.0.0.1:PORT or localhost:PORT. The Host check is the DNS-rebinding defence: a web
 * page at evil.example whose name is re-pointed at 127.0.0.1 would otherwise read the app (and its
 * IndexedDB origin's pages) through the user's browser, because the browser thinks it talks to evil.example.
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveAppFile } from './app-file';
import { APP_ORIGIN, appResponseHeaders, policyForPath } from './app-path';

/** Loopback only. */
export const STATIC_SERVER_HOST = '127.0.0.1';

export interface StaticServer {
  url: string;
  port: number;
  /** The port asked for; `port` differs when that one was taken (or 0 asked for any free port). */
  preferredPort: number;
  /** True when the preferred port was in use and another was taken instead. */
  tookOtherPort: boolean;
  /** What the socket is bound to (the test checks 127.0.0.1). */
  address(): AddressInfo;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, STATIC_SERVER_HOST);
  });
}

/** The Host values this server answers: the loopback address or localhost, with its own port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return h === `${STATIC_SERVER_HOST}:${port}` || h === `localhost:${port}`;
}

/** Serve `rootDir`; tries `preferredPort`, then any free port (and says so in `tookOtherPort`). */
export async function startStaticServer(rootDir: string, preferredPort = 5173): Promise<StaticServer> {
  let port = 0;
  const server = http.createServer((req, res) => {
    const send = (status: number, text: string): void => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(text);
    };
    if (!isAllowedHost(req.headers.host, port)) return send(421, 'Misdirected Request (Host)');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed');
    // Map the HTTP path onto the app:// URL space so the exact same checks apply.
    resolveAppFile(rootDir, `${APP_ORIGIN}${req.url ?? '/'}`).then(
      (r) => {
        if (!r.ok) return send(r.status, r.status === 404 ? 'Not Found' : `Bad Request (${r.reason})`);
        res.writeHead(200, appResponseHeaders(r.mimeType, r.sizeBytes, policyForPath(req.url ?? '/')));
        if (req.method === 'HEAD') return res.end();
        createReadStream(r.realPath)
          .on('error', () => res.destroy())
          .pipe(res);
      },
      () => send(500, 'Internal Server Error'),
    );
  });
  let tookOtherPort = false;
  try {
    port = await listen(server, preferredPort);
  } catch {
    port = await listen(server, 0);
    tookOtherPort = true;
  }
  return {
    url: `http://${STATIC_SERVER_HOST}:${port}/`,
    port,
    preferredPort,
    tookOtherPort,
    address: () => server.address() as AddressInfo,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What `npm start` says when the preferred port was taken (Chinese first), or null. */
export function portNotice(server: Pick<StaticServer, 'port' | 'preferredPort' | 'tookOtherPort'>): string | null {
  if (!server.tookOtherPort) return null;
  return `端口 ${server.preferredPort} 已被占用，改用端口 ${server.port}。\nPort ${server.preferredPort} was in use; using port ${server.port} instead.`;
}
