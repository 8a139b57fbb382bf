import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import * as shapefile from 'shapefile';
import { describe, expect, it } from 'vitest';
import { fixtureBundle, fixtureBytes, realBytes } from '../../../tests/fixtures/read-fixture';
import type { IssueCode } from '../types';
import { signedAreaFlat } from './ring-geometry';
import { readShp } from './shp';

function read(name: string) {
  const b = fixtureBundle(name);
  const opts: Parameters<typeof readShp>[2] = {};
  if (b.shx) opts.shxBytes = b.shx;
  return readShp(b.shp as Uint8Array, `${name}.shp`, opts);
}
const codes = (issues: { code: IssueCode }[]): IssueCode[] => issues.map((i) => i.code);

function areaOf(ring: Position[]): number {
  const xs = new Float64Array(ring.map((p) => p[0] as number));
  const ys = new Float64Array(ring.map((p) => p[1] as number));
  return signedAreaFlat(xs, ys, ring.length);
}

describe('readShp on fixtures', () => {
  it('a plain polygon layer in zone-prefixed GK coordinates, source coordinates kept', () => {
    const r = read('zone39_prj');
    expect(r.shapeTypeName).toBe('Polygon');
    expect(r.geometryKind).toBe('polygon');
    expect(r.records).toHaveLength(3);
    expect(r.issues).toEqual([]);
    expect(r.bboxSource?.[0]).toBeCloseTo(39_512_000, 6);
    const g = r.records[0]?.geometry as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates[0]).toContainEqual([39_512_000, 3_820_000]);
    expect(areaOf(g.coordinates[0] as Position[])).toBeCloseTo(2500, 9); // outer ring CCW (RFC 7946)
  });

  it('a hole: one Polygon, outer CCW, hole CW', () => {
    const g = read('hole').records[0]?.geometry as Polygon;
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    expect(areaOf(g.coordinates[0] as Position[])).toBeCloseTo(10000, 9);
    expect(areaOf(g.coordinates[1] as Position[])).toBeCloseTo(-2500, 9);
  });

  it('a multipart polygon: the island in the hole becomes its own polygon', () => {
    const g = read('multipart').records[0]?.geometry as MultiPolygon;
    expect(g.type).toBe('MultiPolygon');
    const shape = g.coordinates.map((poly) => poly.map((ring) => Math.round(areaOf(ring))));
    expect(shape).toEqual(expect.arrayContaining([[10000, -2500], [3600], [400]]));
    expect(shape).toHaveLength(3);
  });

  it('a bowtie is read as the file has it and flagged for the GEOS check; the square is not', () => {
    const r = read('bowtie');
    expect(r.records).toHaveLength(2);
    expect(r.records.map((x) => x.check ?? false)).toEqual([false, true]);
    expect(r.issues).toEqual([]); // the import repairs it and says so (geometry.repaired)
  });

  it('every multi-ring record is flagged for the GEOS check (rings may cross one another)', () => {
    expect(read('hole').records.map((x) => x.check ?? false)).toEqual([true]);
    expect(read('zone39_prj').records.map((x) => x.check ?? false)).toEqual([false, false, false]);
  });

  it('PolygonZ → 2D with shp.zmDropped once', () => {
    const r = read('polygonz');
    expect(r.shapeTypeName).toBe('PolygonZ');
    expect(codes(r.issues)).toEqual(['shp.zmDropped']);
    const ring = (r.records[0]?.geometry as Polygon).coordinates[0] as Position[];
    expect(ring.every((p) => p.length === 2)).toBe(true);
  });

  it('points and lines', () => {
    const p = read('points');
    expect(p.geometryKind).toBe('point');
    expect(p.records.map((x) => x.geometry)).toEqual([
      { type: 'Point', coordinates: [39_512_000, 3_820_000] },
      { type: 'Point', coordinates: [39_512_010, 3_820_005] },
      { type: 'Point', coordinates: [39_512_020, 3_820_010] },
    ]);
    const l = read('lines');
    expect(l.geometryKind).toBe('line');
    expect(l.records[1]?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [39_512_000, 3_820_030],
        [39_512_020, 3_820_033],
        [39_512_040, 3_820_036],
      ],
    });
  });

  it('null shapes are kept as null geometry with shp.nullShapes', () => {
    const r = read('null_shapes');
    expect(r.records.map((x) => x.geometry === null)).toEqual([false, true, true]);
    expect(r.issues).toEqual([{ code: 'shp.nullShapes', severity: 'warning', file: 'null_shapes.shp', params: { count: 2 } }]);
  });

  it('a truncated .shp: complete records read, shp.truncated with the count', () => {
    const r = read('truncated');
    expect(r.records).toHaveLength(2);
    expect(r.issues).toContainEqual({ code: 'shp.truncated', severity: 'warning', file: 'truncated.shp', params: { count: 2 } });
  });

  it('damaged records: bad numParts skipped, unclosed ring closed, .shx disagreement noticed', () => {
    const r = read('damaged');
    expect(r.recordCount).toBe(4);
    expect(r.records.map((x) => x.index)).toEqual([0, 2, 3]);
    expect(r.issues).toContainEqual({ code: 'shp.badRecords', severity: 'warning', file: 'damaged.shp', params: { count: 1, records: '2' } });
    expect(r.issues).toContainEqual({ code: 'shp.unclosedRing', severity: 'warning', file: 'damaged.shp', params: { count: 1 } });
    expect(r.issues).toContainEqual({ code: 'shx.mismatch', severity: 'warning', file: 'damaged.shp', params: { shx: 4, shp: 4, differing: 1 } });
    const ring = (r.records[1]?.geometry as Polygon).coordinates[0] as Position[];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });

  it('bytes past the declared file length are not read as records', () => {
    const src = fixtureBundle('zone39_prj').shp as Uint8Array;
    const padded = new Uint8Array(src.length + 13);
    padded.set(src);
    padded.fill(0xab, src.length);
    const r = readShp(padded, 'padded.shp');
    expect(r.records).toHaveLength(3);
    expect(r.issues).toEqual([]);
  });

  it('a bad header is an error, not an exception', () => {
    const r = readShp(fixtureBytes('shp/bad_header.shp'), 'bad_header.shp');
    expect(r.issues).toEqual([{ code: 'shp.badHeader', severity: 'error', file: 'bad_header.shp', params: { reason: 'fileCode' } }]);
    expect(readShp(new Uint8Array(10), 'x.shp').issues[0]?.code).toBe('shp.badHeader');
  });

  it('MultiPatch → shp.unsupportedShapeType', () => {
    const b = (fixtureBundle('zone39_prj').shp as Uint8Array).slice(0, 100);
    new DataView(b.buffer).setInt32(32, 31, true);
    expect(codes(readShp(b, 'mp.shp').issues)).toEqual(['shp.unsupportedShapeType']);
  });

  it('never throws or hangs on mangled bytes', () => {
    const src = fixtureBundle('multipart').shp as Uint8Array;
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 300; k++) {
      const b = src.slice(0, Math.floor(rand() * src.length) + 1);
      for (let j = 0; j < 6; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
      expect(() => readShp(b, 'fuzz.shp')).not.toThrow();
    }
  });
});

describe('readShp on real data', () => {
  it('banzhucun: 10,653 polygons, no issues', () => {
    const r = readShp(realBytes('banzhucun/斑竹村10000.shp'), '斑竹村10000.shp', { shxBytes: realBytes('banzhucun/斑竹村10000.shx') });
    expect(r.records).toHaveLength(10_653);
    expect(r.shapeTypeName).toBe('Polygon');
    expect(r.issues).toEqual([]);
  });

  it('ae102 DLTB (Xian80, 8 polygons), Polygon (no .prj, 5), Road (11 lines)', () => {
    expect(readShp(realBytes('ae102-demo/DLTB.shp'), 'DLTB.shp').records).toHaveLength(8);
    expect(readShp(realBytes('ae102-demo/Polygon.shp'), 'Polygon.shp').records).toHaveLength(5);
    const road = readShp(realBytes('ae102-demo/Road.shp'), 'Road.shp');
    expect(road.records).toHaveLength(11);
    expect(road.geometryKind).toBe('line');
  });

  it('banzhucun matches the `shapefile` npm package vertex for vertex', async () => {
    const shpBytes = realBytes('banzhucun/斑竹村10000.shp');
    const ours = readShp(shpBytes, 'b.shp').records;
    const source = await shapefile.open(shpBytes.buffer.slice(shpBytes.byteOffset, shpBytes.byteOffset + shpBytes.byteLength) as ArrayBuffer);
    const theirs: (Geometry | null)[] = [];
    for (let f = await source.read(); !f.done; f = await source.read()) theirs.push((f.value as { geometry: Geometry | null }).geometry);
    expect(theirs).toHaveLength(ours.length);
    // `shapefile` keeps file winding (outer CW); we output RFC 7946 (outer CCW): compare with rings reversed.
    const polys = (g: Geometry | null): Position[][][] =>
      g === null ? [] : g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    let vertices = 0;
    let mismatches = 0;
    for (let i = 0; i < ours.length; i++) {
      const a = polys(ours[i]?.geometry ?? null).map((p) => p.map((ring) => [...ring].reverse()));
      const b = polys(theirs[i] ?? null);
      if (JSON.stringify(a) !== JSON.stringify(b)) mismatches++;
      for (const p of a) for (const ring of p) vertices += ring.length;
    }
    expect(mismatches).toBe(0);
    expect(vertices).toBeGreaterThan(50_000);
  });
});
