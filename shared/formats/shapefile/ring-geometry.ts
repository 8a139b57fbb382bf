// Planar ring helpers over flat coordinate arrays (x[i], y[i]), i in [0, n). Coordinates are source
// coordinates — Gauss-Krüger eastings reach 45,500,000 m — so sums are taken relative to the first vertex:
// products of raw 3.5e7-sized values lose the decimetres that decide a small ring's orientation.

/** Shoelace signed area (m² in a projected frame): > 0 counter-clockwise, < 0 clockwise. Ring closed or not. */
export function signedAreaFlat(xs: Float64Array, ys: Float64Array, n: number): number {
  if (n < 3) return 0;
  const x0 = xs[0] as number;
  const y0 = ys[0] as number;
  let sum = 0;
  let px = 0;
  let py = 0;
  for (let i = 1; i < n; i++) {
    const qx = (xs[i] as number) - x0;
    const qy = (ys[i] as number) - y0;
    sum += px * qy - qx * py;
    px = qx;
    py = qy;
  }
  return sum / 2;
}

/** Even-odd ray casting; points exactly on the boundary may land either side (callers vote, see assignHoles). */
export function pointInRing(x: number, y: number, ring: number[][]): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const pi = ring[i] as number[];
    const pj = ring[j] as number[];
    const yi = pi[1] as number;
    const yj = pj[1] as number;
    if (yi > y !== yj > y) {
      const xi = pi[0] as number;
      const xj = pj[0] as number;
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
