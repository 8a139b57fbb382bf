// Our .shp/.shx writer for polygons (ESRI Shapefile Technical Description, July 1998; the layout shp.ts reads):
//   header (100 bytes): 9994 (int32 BE), file length in 16-bit words (int32 BE @24), 1000 (int32 LE @28), shape
//   type (int32 LE @32), bbox xmin ymin xmax ymax (float64 LE @36…), z/m ranges 0;
//   record: number from 1 (int32 BE), content length in words (int32 BE), then shape type 5, its bbox, the part
//   count, the point count, each part's first point, the points (float64 LE x, y).
// Rings go in the shapefile's order: outer rings clockwise, holes counter-clockwise (the reverse of GeoJSON's
// RFC 7946 winding), each closed, a polygon's holes after its outer ring. A record without a boundary is a null
// shape (type 0), so record i still pairs with DBF row i. The .shx holds each record's offset and length in words.
import type { Position } from 'geojson';
import type { AreaGeometry } from '../../domain/geometry/area';

export interface ShpWriteResult {
  shp: Uint8Array;
  shx: Uint8Array;
}

const HEADER = 100;
const POLYGON = 5;

/** Shoelace signed area in the ring's own units, relative to its first vertex: > 0 counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  const [x0, y0] = ring[0] as [number, number];
  let s = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += ((a[0] as number) - x0) * ((b[1] as number) - y0) - ((b[0] as number) - x0) * ((a[1] as number) - y0);
  }
  return s / 2;
}

/** The ring closed and wound as the role wants (outer clockwise, hole counter-clockwise). */
function shapefileRing(ring: readonly Position[], outer: boolean): Position[] {
  const a = ring[0] as Position;
  const b = ring[ring.length - 1] as Position;
  const closed = a[0] === b[0] && a[1] === b[1] ? [...ring] : [...ring, a];
  const clockwise = signedArea(closed) < 0;
  return clockwise === outer ? closed : closed.reverse();
}

/** The rings of a polygon or multipolygon in file order and winding. */
export function shapefileRings(g: AreaGeometry): Position[][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.flatMap((rings) => rings.map((r, i) => shapefileRing(r, i === 0)));
}

function writeHeader(view: DataView, lengthBytes: number, bbox: [number, number, number, number], shapeType: number): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, lengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  bbox.forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
}

/**
 * The .shp and .shx of polygons (null for a record without a boundary). Coordinates are written as given: lon/lat
 * degrees, or GK metres when the caller projected them (the .prj says which).
 */
export function writePolygonShapefile(geometries: readonly (AreaGeometry | null)[]): ShpWriteResult {
  const records = geometries.map((g) => (g ? shapefileRings(g) : null));
  const contentBytes = records.map((rings) => (rings ? 44 + 4 * rings.length + 16 * rings.reduce((s, r) => s + r.length, 0) : 4));
  const shpLength = HEADER + contentBytes.reduce((s, n) => s + 8 + n, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(HEADER + 8 * records.length);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);

  const all: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let at = HEADER;
  records.forEach((rings, i) => {
    const n = contentBytes[i] as number;
    xv.setInt32(HEADER + 8 * i, at / 2, false);
    xv.setInt32(HEADER + 8 * i + 4, n / 2, false);
    sv.setInt32(at, i + 1, false);
    sv.setInt32(at + 4, n / 2, false);
    const c = at + 8;
    if (!rings) {
      sv.setInt32(c, 0, true);
    } else {
      const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const r of rings)
        for (const p of r) {
          const x = p[0] as number;
          const y = p[1] as number;
          if (x < box[0]) box[0] = x;
          if (y < box[1]) box[1] = y;
          if (x > box[2]) box[2] = x;
          if (y > box[3]) box[3] = y;
        }
      for (let k = 0; k < 4; k++) {
        all[k] = k < 2 ? Math.min(all[k] as number, box[k] as number) : Math.max(all[k] as number, box[k] as number);
      }
      sv.setInt32(c, POLYGON, true);
      box.forEach((v, k) => sv.setFloat64(c + 4 + 8 * k, v, true));
      const points = rings.reduce((s, r) => s + r.length, 0);
      sv.setInt32(c + 36, rings.length, true);
      sv.setInt32(c + 40, points, true);
      let first = 0;
      rings.forEach((r, k) => {
        sv.setInt32(c + 44 + 4 * k, first, true);
        first += r.length;
      });
      let p = c + 44 + 4 * rings.length;
      for (const r of rings)
        for (const pt of r) {
          sv.setFloat64(p, pt[0] as number, true);
          sv.setFloat64(p + 8, pt[1] as number, true);
          p += 16;
        }
    }
    at += 8 + n;
  });
  const bbox: [number, number, number, number] = Number.isFinite(all[0]) ? all : [0, 0, 0, 0];
  writeHeader(sv, shpLength, bbox, POLYGON);
  writeHeader(xv, shx.length, bbox, POLYGON);
  return { shp, shx };
}
