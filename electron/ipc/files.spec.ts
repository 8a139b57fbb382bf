import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listChosenPaths, readChunk, writeFileAtomic, type ChosenPart } from './files';

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
const decode = (b: Uint8Array | 'changed'): string => (b === 'changed' ? b : new TextDecoder().decode(b));
/** Each listed part read whole, as the renderer would (in one chunk here). */
const readAll = (f: ChosenPart) => readChunk(f.absPath, f.sizeBytes, 0, f.sizeBytes + 1);

describe('listChosenPaths', () => {
  it('lists chosen files by their bare name with their sizes, not their bytes', async () => {
    const a = await put('x/村界.shp', 'shp');
    const b = await put('y/notes.txt', 'txt!');
    const r = await listChosenPaths([a, b]);
    expect(r.files.map((f) => [f.relPath, f.sizeBytes])).toEqual([
      ['村界.shp', 3],
      ['notes.txt', 4],
    ]);
    expect(await Promise.all(r.files.map(async (f) => decode(await readAll(f))))).toEqual(['shp', 'txt!']);
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
    const r = await listChosenPaths([path.join(dir, 'data')]);
    expect(r.files.map((f) => f.relPath).sort()).toEqual(['sub/deep/plots.zip', '村界.SHP', '村界.cpg', '村界.dbf', '村界.Prj', '村界.shx'].sort());
    expect(r.skipped).toEqual([]);
  });

  it('never follows symbolic links inside a chosen folder', async () => {
    await put('outside/secret.shp', 'secret');
    await put('data/in.shp', 'in');
    await symlink(path.join(dir, 'outside'), path.join(dir, 'data', 'link-dir'), 'junction');
    await symlink(path.join(dir, 'outside', 'secret.shp'), path.join(dir, 'data', 'link.shp'));
    const r = await listChosenPaths([path.join(dir, 'data')]);
    expect(r.files.map((f) => f.relPath)).toEqual(['in.shp']);
  });

  it('skips files over the size limit and unreadable paths with a reason', async () => {
    const big = await put('big.shp', '0123456789');
    const small = await put('small.dbf', '01');
    const r = await listChosenPaths([big, small, path.join(dir, 'gone.shp')], 5);
    expect(r.files.map((f) => f.relPath)).toEqual(['small.dbf']);
    expect(r.skipped).toEqual([
      { path: 'gone.shp', reason: 'unreadable' },
      { path: 'big.shp', reason: 'tooLarge' },
    ]);
  });
});

describe('readChunk', () => {
  it('reads the asked range, shorter only at the end of the file', async () => {
    const p = await put('a.shp', '0123456789');
    expect(decode(await readChunk(p, 10, 0, 4))).toBe('0123');
    expect(decode(await readChunk(p, 10, 8, 4))).toBe('89');
    expect(decode(await readChunk(p, 10, 10, 4))).toBe('');
  });
  it("says 'changed' when the file's size is not the one listed", async () => {
    const p = await put('a.shp', '0123456789');
    expect(await readChunk(p, 9, 0, 4)).toBe('changed');
    await writeFile(p, '01234567890');
    expect(await readChunk(p, 10, 0, 4)).toBe('changed');
  });
  it('throws when the file is gone', async () => {
    await expect(readChunk(path.join(dir, 'gone.shp'), 1, 0, 1)).rejects.toThrow();
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
