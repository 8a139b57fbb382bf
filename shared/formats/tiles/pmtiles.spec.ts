/**
 * The PMTiles reader against archives written from the v3 specification by scripts/make-tile-fixtures.py (no
 * converter is installed here), holding the tiles GDAL wrote into the sample MBTiles: every tile must come back
 * with the SHA-256 that Python's sqlite3 read from the MBTiles (tests/oracles/imagery-tiles.json).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import oracle from '../../../tests/oracles/imagery-tiles.json';
import { openPmtiles, PmtilesError, type AsyncRangeSource } from './pmtiles';

function bytesSource(path: string): AsyncRangeSource & { read: AsyncRangeSource['read']; bytes: number } {
  const all = readFileSync(path);
  const s = {
    size: all.length,
    key: path,
    bytes: 0,
    read: async (offset: number, length: number) => {
      s.bytes += length;
      const b = all.subarray(offset, offset + length);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    },
  };
  return s;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const [w, s, e, n] = oracle.metadata.bounds.split(',').map(Number) as [number, number, number, number];

describe.each(['sample.pmtiles', 'sample-leaves.pmtiles'])('%s', (file) => {
  it('states the sample’s zoom range, bounds (to 1e-7°), format and name', async () => {
    const r = await openPmtiles(bytesSource(`tests/fixtures/imagery/${file}`));
    expect(r.info).toMatchObject({
      format: 'png',
      name: '青石镇示例影像（合成）',
      minzoom: Number(oracle.metadata.minzoom),
      maxzoom: Number(oracle.metadata.maxzoom),
    });
    const b = r.info.bounds!;
    [w, s, e, n].forEach((v, i) => expect(Math.abs(b[i]! - v)).toBeLessThan(1e-7));
  });

  it('gives every tile with the bytes the MBTiles holds, by XYZ address, and nothing elsewhere', async () => {
    const src = bytesSource(`tests/fixtures/imagery/${file}`);
    const r = await openPmtiles(src);
    for (const t of oracle.tiles) {
      const got = await r.tile(t.z, t.x, t.y);
      expect(got && sha(got), `${t.z}/${t.x}/${t.y}`).toBe(t.sha256);
    }
    const t0 = oracle.tiles[0]!;
    expect(await r.tile(t0.z, t0.x + 40, t0.y)).toBeNull();
    expect(await r.tile(3, 0, 0)).toBeNull();
  });
});

describe('PMTiles refusals', () => {
  it('refuses a file that is not PMTiles, and a vector archive', async () => {
    const reason = async (src: AsyncRangeSource) =>
      openPmtiles(src).then(
        () => 'opened',
        (e) => (e instanceof PmtilesError ? e.refusal.reason : String(e)),
      );
    expect(await reason(bytesSource('tests/fixtures/imagery/view.mbtiles'))).toBe('notPmtiles');
    const raster = readFileSync('tests/fixtures/imagery/sample.pmtiles');
    const vector = Buffer.from(raster);
    vector[99] = 1; // tile type MVT
    const src = {
      size: vector.length,
      key: 'v',
      read: async (o: number, l: number) => vector.buffer.slice(vector.byteOffset + o, vector.byteOffset + o + l) as ArrayBuffer,
    };
    expect(await reason(src)).toBe('vectorTiles');
  });
});
