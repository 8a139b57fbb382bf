import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChosenPaths, writeFileAtomic } from './files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lp-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<string> {
  const p = path.join(dir, ...rel.split('/'));
  await mkdir(path.dirname(p), { recursive: true });
  await writeFile(p, text);
  return p;
}
const decode = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('readChosenPaths', () => {
  it('reads chosen files by their bare name', async () => {
    const a = await put('x/村界.shp', 'shp');
    const b = await put('y/notes.txt', 'txt');
    const r = await readChosenPaths([a, b]);
    expect(r.files.map((f) => [f.path, decode(f.bytes)])).toEqual([['村界.shp', 'shp'], ['notes.txt', 'txt']]);
    expect(r.skipped).toEqual([]);
  });

  it('walks a folder for shapefile parts, case-insensitively, with relative "/" paths', async () => {
    await put('data/村界.SHP', '1');
    await put('data/村界.dbf', '2');
    await put('data/村界.Prj', '3');
    await put('data/村界.cpg', '4');
    await put('data/村界.shx', '5');
    await put('data/sub/deep/plots.zip', '6');
    await put('data/readme.txt', 'no');
    await put('data/sub/photo.jpg', 'no');
    const r = await readChosenPaths([path.join(dir, 'data')]);
    expect(r.files.map((f) => f.path).sort()).toEqual(['sub/deep/plots.zip', '村界.SHP', '村界.cpg', '村界.dbf', '村界.Prj', '村界.shx'].sort());
    expect(r.skipped).toEqual([]);
  });

  it('never follows symbolic links inside a chosen folder', async () => {
    await put('outside/secret.shp', 'secret');
    await put('data/in.shp', 'in');
    await symlink(path.join(dir, 'outside'), path.join(dir, 'data', 'link-dir'), 'junction');
    await symlink(path.join(dir, 'outside', 'secret.shp'), path.join(dir, 'data', 'link.shp'));
    const r = await readChosenPaths([path.join(dir, 'data')]);
    expect(r.files.map((f) => f.path)).toEqual(['in.shp']);
  });

  it('skips files over the size limit and unreadable paths with a reason', async () => {
    const big = await put('big.shp', '0123456789');
    const small = await put('small.dbf', '01');
    const r = await readChosenPaths([big, small, path.join(dir, 'gone.shp')], 5);
    expect(r.files.map((f) => f.path)).toEqual(['small.dbf']);
    expect(r.skipped).toEqual([
      { path: 'gone.shp', reason: 'unreadable' },
      { path: 'big.shp', reason: 'tooLarge' },
    ]);
  });
});

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, leaving no temp file', async () => {
    const target = path.join(dir, '叠加分析.csv');
    await writeFileAtomic(target, new TextEncoder().encode('first'));
    await writeFileAtomic(target, new TextEncoder().encode('second'));
    expect(await readFile(target, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['叠加分析.csv']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.csv'), new Uint8Array([1]))).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the old file and removes the temp file when the rename fails', async () => {
    const target = path.join(dir, 'out');
    await mkdir(path.join(target, 'occupied'), { recursive: true }); // a non-empty folder cannot be replaced
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['out']);
  });
});
