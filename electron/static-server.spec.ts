import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
import { isAllowedHost, portNotice, startStaticServer, type StaticServer } from './static-server';

let base: string;
let server: StaticServer;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'lp-static-'));
  await mkdir(path.join(base, 'renderer', 'assets'), { recursive: true });
  await mkdir(path.join(base, 'outside'), { recursive: true });
  await writeFile(path.join(base, 'renderer', 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(base, 'renderer', 'assets', 'a.js'), 'export {}');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  await writeFile(path.join(base, 'outside', 'secret.js'), 'secret');
  // A file link and a directory link inside the renderer folder, both pointing outside it, and one link
  // that stays inside (served: a link is refused for where it leads, not for being a link).
  await symlink(path.join(base, 'secret.txt'), path.join(base, 'renderer', 'assets', 'leak.txt'));
  await symlink(path.join(base, 'outside'), path.join(base, 'renderer', 'linked'), 'junction');
  await symlink(path.join(base, 'renderer', 'assets', 'a.js'), path.join(base, 'renderer', 'assets', 'alias.js'));
  server = await startStaticServer(path.join(base, 'renderer'), 0);
});
afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

/** A raw request (fetch() would normalise ".." and set its own Host). */
function get(p: string, host = `127.0.0.1:${server.port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: server.port, path: p, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

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
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      expect((await get(p)).status, p).toBe(400);
    }
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
  });
  it('does not follow a file symlink or a directory symlink out of the root (404, like a missing file)', async () => {
    for (const p of ['/assets/leak.txt', '/linked/secret.js']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
    expect(await get('/assets/alias.js')).toEqual({ status: 200, body: 'export {}' });
  });
});

describe('the local server is for this computer only', () => {
  it('binds 127.0.0.1 (IPv4 loopback), not every interface', () => {
    expect(server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: server.port });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });
  it('answers only Host 127.0.0.1:PORT or localhost:PORT (DNS rebinding)', async () => {
    expect((await get('/', `localhost:${server.port}`)).status).toBe(200);
    expect((await get('/', `LocalHost:${server.port}`)).status).toBe(200);
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      '127.0.0.1',
      'localhost',
      `127.0.0.1.evil.example:${server.port}`,
      `[::1]:${server.port}`,
      `0.0.0.0:${server.port}`,
    ]) {
      const r = await get('/', host);
      expect(r.status, host).toBe(421);
      expect(r.body).not.toContain('<title>');
    }
  });
  it('isAllowedHost refuses a missing Host', () => {
    expect(isAllowedHost(undefined, 5173)).toBe(false);
    expect(isAllowedHost('127.0.0.1:5173', 5173)).toBe(true);
  });
});

describe('a taken port', () => {
  let blocker: Server;
  let taken: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    taken = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('takes another port and says so', async () => {
    const other = await startStaticServer(path.join(base, 'renderer'), taken);
    try {
      expect(other.tookOtherPort).toBe(true);
      expect(other.preferredPort).toBe(taken);
      expect(other.port).not.toBe(taken);
      expect((await fetch(other.url)).status).toBe(200);
      expect(portNotice(other)).toBe(`端口 ${taken} 已被占用，改用端口 ${other.port}。\nPort ${taken} was in use; using port ${other.port} instead.`);
    } finally {
      await other.close();
    }
  });
  it('says nothing when it got the port it asked for', () => {
    expect(server.tookOtherPort).toBe(false);
    expect(portNotice(server)).toBeNull();
  });
});
