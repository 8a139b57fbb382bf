/**
 * The MBTiles reader against files made by independent tools: the sample package GDAL writes (gdal_translate -of
 * MBTILES + gdaladdo, scripts/make-sample-imagery.sh), whose every tile Python's sqlite3 (the SQLite C library) read
 * into tests/oracles/imagery-tiles.json; and small packages Python's sqlite3 wrote (scripts/make-tile-fixtures.py):
 * a map/images view as mb-util writes, and packages to refuse.
 */
import { createHash } from 'node:crypto';
import { openSync, readFileSync, readSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import oracle from '../../../tests/oracles/imagery-tiles.json';
import { loadSqliteForNode } from '../../../tests/support/wa-sqlite-node';
import { createSqliteRuntime, MbtilesError, openMbtiles, type SqliteRuntime } from './mbtiles';
import type { RangeSource } from './sqlite-blob-vfs';

const SAMPLE = 'resources/sample/imagery/青石镇示例影像.mbtiles';
const FIX = 'tests/fixtures/imagery';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function fileSource(path: string): RangeSource {
  const fd = openSync(path, 'r');
  return {
    size: statSync(path).size,
    read(offset: number, length: number) {
      const b = new Uint8Array(length);
      readSync(fd, b, 0, length, offset);
      return b;
    },
  };
}

let rt: SqliteRuntime;
beforeAll(async () => {
  rt = createSqliteRuntime(await loadSqliteForNode());
});

describe('MBTiles written by GDAL', () => {
  it('reads the metadata as the file states it', async () => {
    const r = await openMbtiles(rt, fileSource(SAMPLE));
    expect(r.info.name).toBe('青石镇示例影像（合成）');
    expect(r.info.format).toBe('png');
    expect(r.info.minzoom).toBe(Number(oracle.metadata.minzoom));
    expect(r.info.maxzoom).toBe(Number(oracle.metadata.maxzoom));
    expect(r.info.bounds).toEqual(oracle.metadata.bounds.split(',').map(Number));
    expect(r.info.metadata).toEqual(oracle.metadata);
    await r.close();
  });

  it('gives every tile of every zoom as SQLite stores it, rows turned from TMS to XYZ', async () => {
    expect(oracle.tiles.length).toBeGreaterThan(200);
    const r = await openMbtiles(rt, fileSource(SAMPLE));
    for (const t of oracle.tiles) {
      const got = await r.tile(t.z, t.x, t.y);
      expect(got && sha(got), `${t.z}/${t.x}/${t.y}`).toBe(t.sha256);
    }
    // Outside the package, and addresses that are no tile at all.
    const t0 = oracle.tiles[0]!;
    expect(await r.tile(t0.z, t0.x + 40, t0.y)).toBeNull();
    expect(await r.tile(3, 8, 0)).toBeNull();
    expect(await r.tile(-1, 0, 0)).toBeNull();
    await r.close();
  });

  it('reads a few pages for one tile, not the file', async () => {
    const r = await openMbtiles(rt, fileSource(SAMPLE));
    const before = rt.vfs.bytesRead;
    const t = oracle.tiles[oracle.tiles.length - 1]!;
    expect(sha((await r.tile(t.z, t.x, t.y))!)).toBe(t.sha256);
    expect(rt.vfs.bytesRead - before).toBeLessThan(t.bytes + 5 * 4096);
    await r.close();
  });
});

describe('MBTiles written by other tools', () => {
  it('reads a map/images view (as mb-util writes) and a package without format, bounds or zoom range', async () => {
    const r = await openMbtiles(rt, fileSource(`${FIX}/view.mbtiles`));
    expect(r.info).toMatchObject({ name: '视图包', format: 'png', minzoom: 14, maxzoom: 15, bounds: null, tileSize: 256 });
    const png = await r.tile(14, 13500, 6500);
    expect(png && Array.from(png.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await r.tile(14, 13500, (1 << 14) - 1 - 6500)).toBeNull();
    await r.close();
  });

  it('refuses what is not a raster package, with a reason', async () => {
    const refusal = async (path: string) =>
      openMbtiles(rt, fileSource(path)).then(
        () => 'opened',
        (e) => (e instanceof MbtilesError ? e.refusal.reason : `threw ${String(e)}`),
      );
    expect(await refusal('resources/icon.png')).toBe('notSqlite');
    expect(await refusal(`${FIX}/no-tiles.mbtiles`)).toBe('noTilesTable');
    expect(await refusal(`${FIX}/vector.mbtiles`)).toBe('vectorTiles');
    expect(await refusal(`${FIX}/empty.mbtiles`)).toBe('empty');
    // Cut short: the header is there, most pages are not.
    const cut = join(mkdtempSync(join(tmpdir(), 'lp-mbtiles-')), 'cut.mbtiles');
    writeFileSync(cut, readFileSync(SAMPLE).subarray(0, 8192));
    expect(await refusal(cut)).toMatch(/^(notSqlite|unreadable|noTilesTable)$/);
  });
});
