/**
 * Small planar helpers for laying out map content in the GK plane (E, N metres) or on paper (mm): signed ring
 * area, even-odd point-in-polygon, whether a polygon or line reaches into a rectangle, and a label point inside a
 * polygon. Layout decisions only (where to put a number): every area the sheet prints comes from the geometry
 * engine via the stored comparison, never from here.
 */
export type Pt = readonly [number, number];

/** Twice the signed area (shoelace) of an open ring: > 0 counter-clockwise in a y-up plane. */
export function signedArea2(ring: readonly Pt[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i] as Pt;
    const b = ring[(i + 1) % n] as Pt;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

/** Even-odd: inside an odd number of the rings (a polygon's outer ring and holes, or several polygons). */
export function insideRings(p: Pt, rings: readonly (readonly Pt[])[]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      const a = ring[i] as Pt;
      const b = ring[j] as Pt;
      if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  return inside;
}

export type Box = [number, number, number, number];

export function boxOf(rings: readonly (readonly Pt[])[]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings)
    for (const p of r) {
      if (p[0] < b[0]) b[0] = p[0];
      if (p[1] < b[1]) b[1] = p[1];
      if (p[0] > b[2]) b[2] = p[0];
      if (p[1] > b[3]) b[3] = p[1];
    }
  return b;
}

const boxesMeet = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

function segmentsCross(p: Pt, q: Pt, r: Pt, s: Pt): boolean {
  const o = (a: Pt, b: Pt, c: Pt) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  return o(p, q, r) !== o(p, q, s) && o(r, s, p) !== o(r, s, q);
}

/**
 * Whether a feature reaches into a box: a vertex inside it, a side crossing its edge, or (polygons) the box
 * inside the polygon. What the legend counts as "drawn in the frame".
 */
export function reachesBox(parts: readonly (readonly Pt[])[], box: Box, polygon: boolean): boolean {
  if (!boxesMeet(boxOf(parts), box)) return false;
  const [x0, y0, x1, y1] = box;
  const corners: Pt[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  for (const part of parts) {
    for (const p of part) if (p[0] >= x0 && p[0] <= x1 && p[1] >= y0 && p[1] <= y1) return true;
    const n = part.length;
    const last = polygon ? n : n - 1;
    for (let i = 0; i < last; i++) {
      const a = part[i] as Pt;
      const b = part[(i + 1) % n] as Pt;
      for (let k = 0; k < 4; k++) if (segmentsCross(a, b, corners[k] as Pt, corners[(k + 1) % 4] as Pt)) return true;
    }
  }
  return polygon && insideRings([(x0 + x1) / 2, (y0 + y1) / 2], parts);
}

/**
 * Points well inside a polygon (rings: outer then holes) for its label, within `clip` when given: on several
 * horizontal scan lines, the midpoint of each inside run, widest first (the caller takes the first that is free).
 */
export function labelCandidates(rings: readonly (readonly Pt[])[], clip?: Box): { at: Pt; width: number }[] {
  const b = boxOf(rings);
  const lo = clip ? Math.max(b[1], clip[1]) : b[1];
  const hi = clip ? Math.min(b[3], clip[3]) : b[3];
  if (!(hi > lo)) return [];
  const out: { at: Pt; width: number }[] = [];
  for (const f of [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9]) {
    const y = lo + (hi - lo) * f;
    const xs: number[] = [];
    for (const ring of rings)
      for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
        const a = ring[i] as Pt;
        const c = ring[j] as Pt;
        if (a[1] > y !== c[1] > y) xs.push(((c[0] - a[0]) * (y - a[1])) / (c[1] - a[1]) + a[0]);
      }
    xs.sort((p, q) => p - q);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      let x0 = xs[i] as number;
      let x1 = xs[i + 1] as number;
      if (clip) {
        x0 = Math.max(x0, clip[0]);
        x1 = Math.min(x1, clip[2]);
      }
      if (x1 > x0) {
        out.push({ at: [(x0 + x1) / 2, y], width: x1 - x0 });
        // long runs: also their thirds, so a label can step aside from something in the middle
        if (x1 - x0 > 40) {
          out.push({ at: [x0 + (x1 - x0) / 4, y], width: (x1 - x0) / 2 });
          out.push({ at: [x0 + (3 * (x1 - x0)) / 4, y], width: (x1 - x0) / 2 });
        }
      }
    }
  }
  return out.sort((p, q) => q.width - p.width);
}

/** The best label point of a polygon (the widest run's middle), or null. */
export function labelPoint(rings: readonly (readonly Pt[])[], clip?: Box): { at: Pt; width: number } | null {
  return labelCandidates(rings, clip)[0] ?? null;
}
