// Shapefile polygons are a flat list of rings. The ESRI Shapefile Technical Description says clockwise =
// outer, counter-clockwise = hole, but files from some tools wind every ring the other way. Ring roles are
// therefore taken from CONTAINMENT, as GDAL's organizePolygons and GEOS MakeValid do: a ring inside an even
// number of other rings is an outer ring, one inside an odd number is a hole of the smallest ring around it,
// whatever its winding. GeoJSON wants each hole inside its outer ring, wound the other way (RFC 7946 §3.1.6:
// outer counter-clockwise, holes clockwise): rings are re-wound to their role here.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInRing } from './ring-geometry';

export interface RingInput {
  /** Positions already REVERSED from file order, i.e. in RFC 7946 winding if the file's winding was right. */
  coords: Position[];
  /** Signed shoelace area in FILE order: < 0 clockwise, > 0 counter-clockwise. */
  areaFileOrder: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function bboxContains(o: RingInput, h: RingInput): boolean {
  return o.minX <= h.minX && o.minY <= h.minY && o.maxX >= h.maxX && o.maxY >= h.maxY;
}

/** Votes over three probe points: a hole may touch its outer ring at a vertex, where ray casting is arbitrary. */
function ringInside(inner: RingInput, outer: RingInput): boolean {
  const c = inner.coords;
  const p0 = c[0] as Position;
  const p1 = (c[1] ?? p0) as Position;
  const mx = ((p0[0] as number) + (p1[0] as number)) / 2;
  const my = ((p0[1] as number) + (p1[1] as number)) / 2;
  let votes = 0;
  if (pointInRing(p0[0] as number, p0[1] as number, outer.coords)) votes++;
  if (pointInRing(p1[0] as number, p1[1] as number, outer.coords)) votes++;
  if (pointInRing(mx, my, outer.coords)) votes++;
  return votes >= 2;
}

/** Re-winds a ring to its role: counter-clockwise outer (RFC signed area > 0), clockwise hole. */
function wind(r: RingInput, outer: boolean): Position[] {
  // coords are reversed file order, so their signed area is −areaFileOrder.
  const ccw = -r.areaFileOrder > 0;
  if (ccw !== outer) r.coords.reverse();
  return r.coords;
}

/**
 * Groups rings into polygons by containment depth (see the file comment). Rings are visited largest first,
 * so a ring's container has always been placed before it; a ring whose area ties another's and crosses it is
 * left to the GEOS validity check that every multi-ring record gets (shp.ts → import).
 */
export function assemblePolygon(rings: RingInput[]): Polygon | MultiPolygon {
  if (rings.length === 1) {
    const only = rings[0] as RingInput;
    return { type: 'Polygon', coordinates: [wind(only, true)] };
  }
  const order = rings
    .map((_, i) => i)
    .sort((a, b) => Math.abs((rings[b] as RingInput).areaFileOrder) - Math.abs((rings[a] as RingInput).areaFileOrder));
  const depth = new Int32Array(rings.length);
  const polygonOf = new Int32Array(rings.length).fill(-1);
  const polygons: Position[][][] = [];
  for (let k = 0; k < order.length; k++) {
    const ri = order[k] as number;
    const r = rings[ri] as RingInput;
    // The smallest placed ring containing r: walk back from the smallest placed ring.
    let parent = -1;
    for (let j = k - 1; j >= 0; j--) {
      const pi = order[j] as number;
      const p = rings[pi] as RingInput;
      if (bboxContains(p, r) && ringInside(r, p)) {
        parent = pi;
        break;
      }
    }
    const d = parent < 0 ? 0 : (depth[parent] as number) + 1;
    depth[ri] = d;
    if (d % 2 === 0) {
      polygonOf[ri] = polygons.length;
      polygons.push([wind(r, true)]);
    } else {
      const owner = polygonOf[parent] as number;
      polygonOf[ri] = owner;
      (polygons[owner] as Position[][]).push(wind(r, false));
    }
  }
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polygons };
}
