// Shapefile polygons are a flat list of rings: clockwise = outer, counter-clockwise = hole (ESRI Shapefile
// Technical Description, "Polygon"). GeoJSON needs each hole inside its outer ring, wound the other way
// (RFC 7946 §3.1.6: outer counter-clockwise, holes clockwise).
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { pointInRing } from './ring-geometry';

export interface RingInput {
  /** Positions already REVERSED from file order, i.e. in RFC 7946 winding if the file's winding was right. */
  coords: Position[];
  /** Signed shoelace area in FILE order: < 0 clockwise (outer), > 0 counter-clockwise (hole). */
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
function ringInside(hole: RingInput, outer: RingInput): boolean {
  const c = hole.coords;
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

/**
 * Groups rings into polygons: each hole goes to the smallest outer ring containing it; a hole no outer ring
 * contains is taken as an outer ring of its own (a mis-wound ring, common in hand-edited data).
 */
export function assemblePolygon(rings: RingInput[]): Polygon | MultiPolygon {
  if (rings.length === 1) {
    const only = rings[0] as RingInput;
    // A lone counter-clockwise ring is a mis-wound outer ring: flip it to counter-clockwise output.
    if (only.areaFileOrder > 0) only.coords.reverse();
    return { type: 'Polygon', coordinates: [only.coords] };
  }
  const outers: RingInput[] = [];
  const holes: RingInput[] = [];
  for (const r of rings) (r.areaFileOrder > 0 ? holes : outers).push(r);
  const polygons: Position[][][] = outers.map((o) => [o.coords]);
  for (const h of holes) {
    let best = -1;
    let bestArea = Infinity;
    let candidates = 0;
    let lastCandidate = -1;
    for (let i = 0; i < outers.length; i++) {
      if (bboxContains(outers[i] as RingInput, h)) {
        candidates++;
        lastCandidate = i;
      }
    }
    if (candidates === 1 && outers.length === 1) best = lastCandidate; // the common case: one outer, its holes
    else if (candidates > 0) {
      for (let i = 0; i < outers.length; i++) {
        const o = outers[i] as RingInput;
        const a = -o.areaFileOrder;
        if (a < bestArea && bboxContains(o, h) && ringInside(h, o)) {
          best = i;
          bestArea = a;
        }
      }
    }
    if (best >= 0) (polygons[best] as Position[][]).push(h.coords);
    else {
      h.coords.reverse(); // orphan hole → outer ring, counter-clockwise
      polygons.push([h.coords]);
    }
  }
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polygons };
}
