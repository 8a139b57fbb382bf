// Does a ring cross or touch itself? A bowtie's shoelace area is the difference of its lobes, and so is that of
// a figure-8 whose lobes meet at a shared vertex, so such rings go to GEOS (isValid, then MakeValid) before
// any area is taken. Sort-and-sweep over segments by min x: each segment is tested only against segments whose
// x-range overlaps it, O(n log n + k) for the parcel-shaped rings we see (k = overlapping pairs).
// Any CONTACT of two non-adjacent segments counts (crossing, a vertex on another segment, collinear overlap):
// this is a cheap pre-filter, and GEOS decides. A ring touching itself where the lobes wind the same way (an
// "inverted hole") has the right shoelace area, but is invalid in OGC terms and is repaired the same way;
// its area does not change. Coordinates are taken relative to the first vertex so the orientation products
// stay precise on zone-prefixed GK eastings.

export interface SweepScratch {
  minX: Float64Array;
  order: Uint32Array;
  tmp: Uint32Array;
  runs: Uint32Array;
}

export function makeSweepScratch(): SweepScratch {
  return { minX: new Float64Array(64), order: new Uint32Array(64), tmp: new Uint32Array(64), runs: new Uint32Array(66) };
}

/**
 * Natural merge sort of segment indices by minX. Walking a ring, minX rises along one side and falls along
 * the other, so a parcel ring is 2–3 monotone runs: reversing the falling runs and merging costs O(n),
 * where a general sort (or insertion sort on the falling side) costs O(n log n) or O(n²).
 */
function sortByMinX(order: Uint32Array, minX: Float64Array, n: number, scratch: SweepScratch): void {
  const runs = scratch.runs;
  let runCount = 0;
  let i = 0;
  while (i < n) {
    runs[runCount++] = i;
    let j = i + 1;
    if (j < n && (minX[order[j] as number] as number) < (minX[order[i] as number] as number)) {
      while (j < n && (minX[order[j] as number] as number) <= (minX[order[j - 1] as number] as number)) j++;
      for (let a = i, b = j - 1; a < b; a++, b--) {
        const t = order[a] as number;
        order[a] = order[b] as number;
        order[b] = t;
      }
    } else {
      while (j < n && (minX[order[j] as number] as number) >= (minX[order[j - 1] as number] as number)) j++;
    }
    i = j;
  }
  runs[runCount] = n;
  let src = order;
  let dst = scratch.tmp;
  while (runCount > 1) {
    let out = 0;
    for (let r = 0; r < runCount; r += 2) {
      const lo = runs[r] as number;
      const mid = runs[r + 1] as number;
      const hi = r + 2 <= runCount ? (runs[r + 2] as number) : mid;
      let a = lo;
      let b = mid;
      let k = lo;
      while (a < mid && b < hi)
        dst[k++] = (minX[src[b] as number] as number) < (minX[src[a] as number] as number) ? (src[b++] as number) : (src[a++] as number);
      while (a < mid) dst[k++] = src[a++] as number;
      while (b < hi) dst[k++] = src[b++] as number;
      runs[out++] = lo;
    }
    runs[out] = n;
    runCount = out;
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== order) order.set(src.subarray(0, n));
}

/**
 * O(n) fast path: every turn has the same sign and the edge direction's x component changes sign exactly
 * twice (so the ring winds once, ruling out a pentagram) ⇒ the ring is convex, hence simple. Rectangles and
 * most survey plots pass here and skip the sweep. Collinear and repeated vertices (zero turns) are allowed.
 */
function isConvexSimple(xs: Float64Array, ys: Float64Array, n: number): boolean {
  const x0 = xs[0] as number;
  const y0 = ys[0] as number;
  let sign = 0;
  let flips = 0;
  let lastDx = 0;
  let firstDx = 0;
  // edges i → i+1 for i in [0, n-1); the ring is closed (last == first), so edge n-2 is followed by edge 0
  let px = (xs[n - 2] as number) - x0;
  let py = (ys[n - 2] as number) - y0;
  let qx = 0;
  let qy = 0;
  for (let i = 0; i < n - 1; i++) {
    const rx = (xs[i + 1] as number) - x0;
    const ry = (ys[i + 1] as number) - y0;
    const ex = qx - px;
    const ey = qy - py;
    const fx = rx - qx;
    const fy = ry - qy;
    const cross = ex * fy - ey * fx;
    if (cross !== 0) {
      const sg = cross > 0 ? 1 : -1;
      if (sign === 0) sign = sg;
      else if (sg !== sign) return false;
    }
    if (fx !== 0) {
      if (firstDx === 0) firstDx = fx;
      else if (fx > 0 !== lastDx > 0) flips++;
      lastDx = fx;
    }
    px = qx;
    py = qy;
    qx = rx;
    qy = ry;
  }
  if (firstDx !== 0 && lastDx !== 0 && firstDx > 0 !== lastDx > 0) flips++; // wrap-around
  return sign !== 0 && flips === 2;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * True when some two non-adjacent segments of the closed ring (n positions, last == first) cross or touch.
 * `budget.pairs` is decremented per pair examined; when it runs out the answer is true (unchecked: let GEOS
 * decide), so no ring escapes the check because it was large.
 */
export function ringSelfContacts(xs: Float64Array, ys: Float64Array, n: number, scratch: SweepScratch, budget: { pairs: number }): boolean {
  const segs = n - 1;
  if (segs < 4) return false; // a triangle cannot cross itself
  if (isConvexSimple(xs, ys, n)) return false;
  if (scratch.minX.length < segs) {
    scratch.minX = new Float64Array(segs * 2);
    scratch.order = new Uint32Array(segs * 2);
    scratch.tmp = new Uint32Array(segs * 2);
    scratch.runs = new Uint32Array(segs * 2 + 2);
  }
  const x0 = xs[0] as number;
  const y0 = ys[0] as number;
  const minX = scratch.minX;
  const order = scratch.order;
  for (let i = 0; i < segs; i++) {
    const a = (xs[i] as number) - x0;
    const b = (xs[i + 1] as number) - x0;
    minX[i] = a < b ? a : b;
    order[i] = i;
  }
  sortByMinX(order, minX, segs, scratch);
  for (let oi = 0; oi < segs; oi++) {
    const i = order[oi] as number;
    const ax = (xs[i] as number) - x0;
    const ay = (ys[i] as number) - y0;
    const bx = (xs[i + 1] as number) - x0;
    const by = (ys[i + 1] as number) - y0;
    const maxXi = ax > bx ? ax : bx;
    const minYi = ay < by ? ay : by;
    const maxYi = ay > by ? ay : by;
    for (let oj = oi + 1; oj < segs; oj++) {
      const j = order[oj] as number;
      if ((minX[j] as number) > maxXi) break;
      if (--budget.pairs < 0) return true;
      const d = i > j ? i - j : j - i;
      if (d === 1 || d === segs - 1) continue; // neighbours share a vertex
      const cx = (xs[j] as number) - x0;
      const cy = (ys[j] as number) - y0;
      const dx = (xs[j + 1] as number) - x0;
      const dy = (ys[j + 1] as number) - y0;
      if ((cy < dy ? dy : cy) < minYi || (cy < dy ? cy : dy) > maxYi) continue;
      const o1 = orient(ax, ay, bx, by, cx, cy);
      const o2 = orient(ax, ay, bx, by, dx, dy);
      if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0)) continue;
      const o3 = orient(cx, cy, dx, dy, ax, ay);
      const o4 = orient(cx, cy, dx, dy, bx, by);
      if ((o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) continue;
      if (o1 !== 0 || o2 !== 0 || o3 !== 0 || o4 !== 0) return true; // crossing or touching
      // All four collinear: they touch only if their extents overlap (x, or y for vertical segments).
      const lo = (u: number, v: number): number => (u < v ? u : v);
      const hi = (u: number, v: number): number => (u > v ? u : v);
      if (lo(ax, bx) <= hi(cx, dx) && lo(cx, dx) <= hi(ax, bx) && lo(ay, by) <= hi(cy, dy) && lo(cy, dy) <= hi(ay, by)) return true;
    }
  }
  return false;
}
