import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { startStaticServer, type StaticServer } from './static-server';

let base: string;
let server: StaticServer;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'lp-static-'));
  await mkdir(path.join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(base, 'renderer', 'assets', 'a.js'), 'export {}');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  server = await startStaticServer(path.join(base, 'renderer'), 0);
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  it('serves index.html for / with the CSP and MIME type', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).toContain('<title>x</title>');
  });
  it('serves module scripts as JavaScript', async () => {
    const res = await fetch(`${server.url}assets/a.js`);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });
  it('does not serve files outside the root, raw or encoded', async () => {
    const { request } = await import('node:http');
    const port = new URL(server.url).port;
    // fetch() would normalise "..": send the raw request line.
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const status = await new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: p }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        }).on('error', reject).end();
      });
      expect(status, p).toBe(400);
    }
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
  });
});
