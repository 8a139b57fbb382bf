/**
 * A tiny static server for machines without the Electron binary (scripts/start.mjs): serves the built
 * renderer on 127.0.0.1 with the same path resolver, MIME types and CSP as the app:// handler. Node only;
 * never part of the packaged app.
 */
import { createReadStream, promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN, appResponseHeaders, resolveAppPath } from './app-path';

export interface StaticServer {
  url: string;
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
    server.listen(port, '127.0.0.1');
  });
}

/** Serve `rootDir`; tries `preferredPort`, then any free port. Loopback only. */
export async function startStaticServer(rootDir: string, preferredPort = 5173): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const send = (status: number, text: string): void => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed');
    // Map the HTTP path onto the app:// URL space so the exact same checks apply.
    const r = resolveAppPath(rootDir, `${APP_ORIGIN}${req.url ?? '/'}`);
    if (!r.ok) return send(400, `Bad Request (${r.reason})`);
    fs.stat(r.filePath).then(
      (st) => {
        if (!st.isFile()) return send(404, 'Not Found');
        res.writeHead(200, appResponseHeaders(r.mimeType, st.size));
        if (req.method === 'HEAD') return res.end();
        createReadStream(r.filePath).on('error', () => res.destroy()).pipe(res);
      },
      () => send(404, 'Not Found'),
    );
  });
  let port: number;
  try {
    port = await listen(server, preferredPort);
  } catch {
    port = await listen(server, 0);
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
