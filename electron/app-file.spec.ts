import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, resolveAppFile } from './app-file';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'lp-app-file-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(base, 'outside'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'a.js'), 'export {}');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  await writeFile(path.join(base, 'outside', 'x.js'), 'secret');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
  await symlink(path.join(base, 'outside'), path.join(root, 'linked'), 'junction');
  await symlink(root, path.join(root, 'assets', 'self'), 'junction');
  await symlink(path.join(base, 'gone.txt'), path.join(root, 'dangling.txt'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('serves a file inside the root by its real path', async () => {
    const r = await resolveAppFile(root, 'app://landpatrol/assets/a.js');
    expect(r).toMatchObject({ ok: true, sizeBytes: 9, mimeType: 'text/javascript; charset=utf-8' });
    if (r.ok) expect(r.realPath.endsWith(path.join('renderer', 'assets', 'a.js'))).toBe(true);
  });
  it('refuses a file symlink and a directory symlink that point outside the root', async () => {
    expect(await resolveAppFile(root, 'app://landpatrol/assets/leak.txt')).toEqual({ ok: false, status: 404, reason: 'symlink-escape' });
    expect(await resolveAppFile(root, 'app://landpatrol/linked/x.js')).toEqual({ ok: false, status: 404, reason: 'symlink-escape' });
  });
  it('follows a link that stays inside, and serves the root through its own link too', async () => {
    expect((await resolveAppFile(root, 'app://landpatrol/assets/self/index.html')).ok).toBe(true);
    const viaLink = path.join(base, 'root-link');
    await symlink(root, viaLink, 'junction');
    expect((await resolveAppFile(viaLink, 'app://landpatrol/assets/a.js')).ok).toBe(true);
  });
  it('answers 404 for missing files, dangling links and folders, 400 for refused URLs', async () => {
    expect(await resolveAppFile(root, 'app://landpatrol/missing.js')).toEqual({ ok: false, status: 404, reason: 'not-found' });
    expect(await resolveAppFile(root, 'app://landpatrol/dangling.txt')).toEqual({ ok: false, status: 404, reason: 'not-found' });
    expect(await resolveAppFile(root, 'app://landpatrol/assets')).toEqual({ ok: false, status: 404, reason: 'not-a-file' });
    expect(await resolveAppFile(root, 'app://landpatrol/../secret.txt')).toEqual({ ok: false, status: 400, reason: 'traversal' });
    expect(await resolveAppFile(root, 'app://evil/index.html')).toEqual({ ok: false, status: 404, reason: 'wrong-host' });
  });
});

describe('isInside', () => {
  it.each([
    ['/a/b', '/a/b', true],
    ['/a/b', '/a/b/c', true],
    ['/a/b', '/a/b/..x', true],
    ['/a/b', '/a/bc', false],
    ['/a/b', '/a', false],
    ['/a/b', '/x/y', false],
  ])('%s contains %s: %s', (parent, child, inside) => {
    expect(isInside(parent, child)).toBe(inside);
  });
});
