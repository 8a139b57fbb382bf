import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readWithGdal } from '../../../tests/oracles/read-with-gdal';
import { planarAreaM2, projectToZone } from '../../domain/geometry/area';
import { parsePrj } from '../../domain/crs/prj';
import { encodeText } from '../encoding/text-encode';
import { writeDbf } from './dbf-write';
import { prjCgcs2000Geographic, prjCgcs2000Gk } from './prj-write';
import { readShp } from './shp';
import { readShxEntries } from './shx';
import { writePolygonShapefile } from './shp-write';

// A village with a hole (a reservoir), in RFC 7946 winding (outer counter-clockwise), and a two-part cell wound the
// other way round (clockwise outer, as some tools write GeoJSON): the writer must wind both as the shapefile wants.
const withHole: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [117.0, 36.0],
      [117.02, 36.0],
      [117.02, 36.015],
      [117.0, 36.015],
      [117.0, 36.0],
    ],
    [
      [117.005, 36.005],
      [117.005, 36.01],
      [117.01, 36.01],
      [117.01, 36.005],
      [117.005, 36.005],
    ],
  ],
};
const twoParts: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [117.03, 36.0],
        [117.03, 36.004],
        [117.034, 36.004],
        [117.034, 36.0],
        [117.03, 36.0],
      ],
    ],
    [
      [
        [117.04, 36.0],
        [117.04, 36.003],
        [117.0435, 36.0021],
        [117.0442, 36.0],
        [117.04, 36.0],
      ],
    ],
  ],
};
const ZONE = { width: 3 as const, zone: 39, centralMeridian: 117 };
const geoms = [withHole, null, twoParts];
const dbf = writeDbf([{ name: 'ID', type: 'N' }], [[1], [2], [3]], 'utf-8', { year: 2026, month: 12, day: 1 });

const filesOf = (g: (Polygon | MultiPolygon | null)[], prj: string) => {
  const { shp, shx } = writePolygonShapefile(g);
  return { 'g.shp': shp, 'g.shx': shx, 'g.dbf': dbf.bytes, 'g.prj': encodeText(prj, 'utf-8').bytes };
};

describe('writePolygonShapefile', () => {
  it('our reader reads the polygons back, holes and parts kept, a null shape in its place; the .shx agrees', () => {
    const { shp, shx } = writePolygonShapefile(geoms);
    const r = readShp(shp, 'g.shp', { shxBytes: shx, shxPath: 'g.shx' });
    // The null shape is said (as for any file), nothing else: the .shx offsets agree with the records.
    expect(r.issues.map((i) => [i.code, i.params])).toEqual([['shp.nullShapes', { count: 1 }]]);
    expect(r.shapeTypeName).toBe('Polygon');
    expect(r.recordCount).toBe(3);
    expect(r.records.map((x) => x.geometry?.type ?? null)).toEqual(['Polygon', null, 'MultiPolygon']);
    expect(planarAreaM2(r.records[0]!.geometry as Polygon)).toBeCloseTo(planarAreaM2(withHole), 14);
    expect(readShxEntries(shx)!.map((e) => e.offsetBytes)).toEqual([100, 100 + 8 + 44 + 8 + 160, 100 + 8 + 44 + 8 + 160 + 12]);
    expect(r.bboxSource).toEqual([117.0, 36.0, 117.0442, 36.015]);
  });

  it('rings in the shapefile order: outer clockwise, holes counter-clockwise', () => {
    const { shp } = writePolygonShapefile([withHole]);
    const v = new DataView(shp.buffer);
    const c = 108; // first record's content
    expect(v.getInt32(c + 36, true)).toBe(2); // parts
    const pts = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => [v.getFloat64(c + 52 + 16 * (from + i), true), v.getFloat64(c + 60 + 16 * (from + i), true)]);
    const signed = (ring: number[][]) => ring.slice(0, -1).reduce((s, p, i) => s + p[0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * p[1]!, 0) / 2;
    expect(signed(pts(0, 5))).toBeLessThan(0);
    expect(signed(pts(5, 5))).toBeGreaterThan(0);
  });

  it('GDAL reads lon/lat polygons as EPSG:4490; shapely areas equal the source to 1e-6', () => {
    const g = readWithGdal(filesOf(geoms, prjCgcs2000Geographic()), 'g.shp');
    expect(g.epsg).toBe('4490');
    expect(g.features.map((f) => [f.geometryType, f.parts, f.holes, f.valid])).toEqual([
      ['POLYGON', 1, 1, true],
      [null, 0, 0, null],
      ['MULTIPOLYGON', 2, 0, true],
    ]);
    for (const [i, src] of [
      [0, withHole],
      [2, twoParts],
    ] as const) {
      const ours = planarAreaM2(src); // the shoelace of the degrees themselves, as shapely takes them
      expect(Math.abs(g.features[i]!.area! - ours) / ours).toBeLessThan(1e-6);
    }
  });

  it('GK planar (CGCS2000 3° CM 117E, no prefix): GDAL finds EPSG:4548; shapely m² = our engine m² to 1e-6', () => {
    const planar = geoms.map((x) => (x ? projectToZone(x, ZONE) : null));
    const g = readWithGdal(filesOf(planar, prjCgcs2000Gk(ZONE)), 'g.shp');
    expect(g.epsg).toBe('4548');
    for (const [i, src] of [
      [0, withHole],
      [2, twoParts],
    ] as const) {
      const ours = planarAreaM2(projectToZone(src, ZONE));
      expect(ours).toBeGreaterThan(10_000);
      expect(Math.abs(g.features[i]!.area! - ours) / ours).toBeLessThan(1e-6);
    }
  });

  it('our .prj parser reads both .prj texts back', () => {
    const geo = parsePrj(prjCgcs2000Geographic());
    expect(geo.kind === 'known' && geo.crs.epsg).toBe(4490);
    const gk = parsePrj(prjCgcs2000Gk(ZONE));
    expect(gk.kind === 'known' && gk.crs.epsg).toBe(4548);
  });
});
