/**
 * Where an area's name goes on the map: a point inside its largest polygon (never on a hole, never outside a concave
 * outline as a centroid can be). Scanlines across the polygon at five heights; the midpoint of the widest stretch
 * inside wins. Lon/lat in, lon/lat out: a label position needs no plane.
 */
import type { Position } from 'geojson';
import type { AreaGeometry } from './area-geometry';

const ringArea = (ring: readonly Position[]): number => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0] as number) * (ring[i]![1] as number) - (ring[i]![0] as number) * (ring[j]![1] as number);
  return Math.abs(s) / 2;
};

/** A point inside `g` (its largest polygon), or null for a boundary without area. */
export function labelPointOf(g: AreaGeometry): [number, number] | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let best: Position[][] | null = null;
  let bestArea = 0;
  for (const rings of polys) {
    const a = ringArea(rings[0] ?? []) - rings.slice(1).reduce((s, r) => s + ringArea(r), 0);
    if (a > bestArea) [best, bestArea] = [rings, a];
  }
  if (!best) return null;
  const outer = best[0] ?? [];
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of outer) [minY, maxY] = [Math.min(minY, p[1] as number), Math.max(maxY, p[1] as number)];
  let out: [number, number] | null = null;
  let width = 0;
  for (const f of [0.5, 0.35, 0.65, 0.2, 0.8]) {
    const y = minY + (maxY - minY) * f;
    const xs: number[] = [];
    for (const ring of best)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const w = (xs[k + 1] as number) - (xs[k] as number);
      if (w > width) [width, out] = [w, [((xs[k] as number) + (xs[k + 1] as number)) / 2, y]];
    }
  }
  return out;
}
