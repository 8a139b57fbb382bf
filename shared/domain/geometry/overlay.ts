/**
 * Plot overlay — "how much farmland / which land classes / which planning zones does this plot
 * occupy" (DOMAIN.md, 图斑核查 and "Overlay figures must add up").
 *
 * Method (mirrored independently by scripts/overlay-reference.py with GEOS, the test oracle):
 * 1. Work in the plot's CGCS2000 3° GK zone, no prefix (planar metres; gkZoneForLongitude of the
 *    plot's bbox centre). Candidate features are projected into that zone once and cached.
 * 2. Candidates from a Flatbush index per layer on lon/lat bboxes (built once per layer).
 * 3. Clip each candidate by the plot (polyclip-ts intersection). A feature polyclip cannot handle
 *    (self-intersections it rejects) is skipped and listed in `skipped` — never a crash.
 * 4. Per layer and group: UNION the clipped pieces, so overlapping features are not counted twice.
 *    Groups within a layer are made disjoint in a fixed order: group names sorted by UTF-16 code unit
 *    (plain `<`), `null` last; an earlier group keeps the contested area. So
 *    Σ groups + layer-uncovered = plot total exactly, with layer-uncovered computed as
 *    total − Σ groups (planar and ellipsoidal); the geometric difference plot − ∪groups is computed
 *    too and its planar area reported as a check (`checkDiffM2`, ~1e-6 m²).
 * 5. `uncovered` = plot − ∪ (all layers), as geometry.
 * Ellipsoidal figures of pieces: inverse-project the planar pieces to lon/lat, ellipsoidalAreaM2.
 * 亩 follow the planar figure.
 */
import Flatbush from 'flatbush';
import { difference, intersection, union, type Geom } from 'polyclip-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { toMu, squareMetres, type AreaFigures, type GkZoneRef } from '../units/area';
import { gkZoneForLongitude, makeGkToLngLat, makeLngLatToGkEN } from '../crs/transform';
import { ellipsoidalAreaM2, planarAreaM2, polygonsOf } from './area';

type Pair = [number, number];
type MultiPoly = Pair[][][];

export interface OverlayPlot {
  id: string;
  geometryLngLat: Polygon | MultiPolygon;
}

export interface OverlayFeature {
  geometryLngLat: Polygon | MultiPolygon;
  /** Classifying value (DLMC, GHFQMC …); null when the layer is not grouped. */
  group: string | null;
}

export interface OverlayLayer {
  name: string;
  features: OverlayFeature[];
}

export interface OverlayOptions {
  onProgress?: (done: number, total: number) => void;
}

export interface OverlayPiece {
  layer: string;
  group: string | null;
  area: AreaFigures;
}

export interface OverlayLayerSummary {
  layer: string;
  covered: AreaFigures;
  /** total − Σ groups, so the layer's table adds up exactly. */
  uncovered: AreaFigures;
  /** |area(plot − ∪groups) − uncovered.planarM2| in m²: agreement of geometry and arithmetic; null
   *  when polyclip-ts could not compute that difference (a known robustness limit of its sweep). */
  checkDiffM2: number | null;
}

export interface OverlaySkip {
  layer: string;
  featureIndex: number;
  reason: 'clip-failed';
  message: string;
}

export interface OverlayPlotResult {
  id: string;
  zone: GkZoneRef;
  area: AreaFigures;
  overlaps: OverlayPiece[];
  uncovered: AreaFigures;
  byLayer: OverlayLayerSummary[];
  skipped: OverlaySkip[];
}

export interface OverlayResult {
  plots: OverlayPlotResult[];
}

/** Group order: code-unit order of names, null last (documented rule: earlier groups win). */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function bboxOf(polys: Position[][][] | MultiPoly): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polys) {
    const outer = poly[0];
    if (!outer) continue;
    for (const p of outer) {
      const x = p[0] as number;
      const y = p[1] as number;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

const planarOf = (mp: MultiPoly): number => planarAreaM2({ type: 'MultiPolygon', coordinates: mp });

interface ZoneTools {
  zone: GkZoneRef;
  toGk: (lng: number, lat: number) => [number, number];
  toLngLat: (e: number, n: number) => [number, number];
}

class LayerIndex {
  readonly index: Flatbush | null;
  private readonly projected = new Map<string, (MultiPoly | null)[]>();
  private readonly bboxes = new Map<string, ([number, number, number, number] | null)[]>();

  constructor(readonly layer: OverlayLayer) {
    const n = layer.features.length;
    if (n === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(n);
    for (const f of layer.features) {
      const [a, b, c, d] = bboxOf(polygonsOf(f.geometryLngLat));
      this.index.add(a, b, c, d);
    }
    this.index.finish();
  }

  /** The feature projected into the zone (cached per zone), with its planar bbox. */
  inZone(i: number, tools: ZoneTools): { geom: MultiPoly; bbox: [number, number, number, number] } | null {
    const key = `${tools.zone.width}/${tools.zone.zone}`;
    let cache = this.projected.get(key);
    let boxes = this.bboxes.get(key);
    if (!cache || !boxes) {
      cache = new Array<MultiPoly | null>(this.layer.features.length).fill(null);
      boxes = new Array<[number, number, number, number] | null>(this.layer.features.length).fill(null);
      this.projected.set(key, cache);
      this.bboxes.set(key, boxes);
    }
    let geom = cache[i] ?? null;
    let bbox = boxes[i] ?? null;
    if (!geom || !bbox) {
      const f = this.layer.features[i];
      if (!f) return null;
      geom = polygonsOf(f.geometryLngLat).map((poly) => poly.map((ring) => ring.map((p) => tools.toGk(p[0] as number, p[1] as number))));
      bbox = bboxOf(geom);
      cache[i] = geom;
      boxes[i] = bbox;
    }
    return { geom, bbox };
  }
}

const boxesOverlap = (a: [number, number, number, number], b: [number, number, number, number]): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * A remainder (total − Σ pieces) of a fully covered plot is float noise of either sign, ~1e-9 m²: below a
 * micro-square-metre it is zero, so no table ever prints "-0.00". Real areas are never that small.
 */
const NOISE_M2 = 1e-6;
const denoise = (v: number): number => (Math.abs(v) < NOISE_M2 ? 0 : v);

function figures(planarM2: number, ellipsoidalM2: number, zone: GkZoneRef): AreaFigures {
  const planar = squareMetres(denoise(planarM2));
  return { planarM2: planar, ellipsoidalM2: squareMetres(denoise(ellipsoidalM2)), mu: toMu(planar), zone };
}

function ellipsoidalOfPlanar(mp: MultiPoly, tools: ZoneTools): number {
  if (mp.length === 0) return 0;
  const ll = mp.map((poly) => poly.map((ring) => ring.map((p) => tools.toLngLat(p[0], p[1]))));
  return ellipsoidalAreaM2({ type: 'MultiPolygon', coordinates: ll });
}

/** Overlay plots with layers; see the module comment for the rules. */
export function overlayPlots(plots: OverlayPlot[], layers: OverlayLayer[], opts: OverlayOptions = {}): OverlayResult {
  const indexes = layers.map((l) => new LayerIndex(l));
  const zoneTools = new Map<string, ZoneTools>();
  const toolsFor = (zone: GkZoneRef): ZoneTools => {
    const key = `${zone.width}/${zone.zone}`;
    let t = zoneTools.get(key);
    if (!t) {
      t = { zone, toGk: makeLngLatToGkEN(zone, false), toLngLat: makeGkToLngLat(zone, false) };
      zoneTools.set(key, t);
    }
    return t;
  };

  const results: OverlayPlotResult[] = [];
  plots.forEach((plot, plotIndex) => {
    const llPolys = polygonsOf(plot.geometryLngLat);
    const llBox = bboxOf(llPolys);
    const zone = gkZoneForLongitude((llBox[0] + llBox[2]) / 2, 3);
    const tools = toolsFor(zone);
    const plotGkAbs: MultiPoly = llPolys.map((poly) => poly.map((ring) => ring.map((p) => tools.toGk(p[0] as number, p[1] as number))));
    const absBox = bboxOf(plotGkAbs);
    // Clip about a local origin (plot bbox corner, whole km): polyclip compares coordinates with an
    // epsilon relative to their magnitude; small numbers keep its sweep robust and exact to ~1e-9 m.
    const ox = Math.floor(absBox[0] / 1000) * 1000;
    const oy = Math.floor(absBox[1] / 1000) * 1000;
    const local = (mp: MultiPoly): MultiPoly => mp.map((poly) => poly.map((ring) => ring.map((p): Pair => [p[0] - ox, p[1] - oy])));
    const localTools: ZoneTools = { zone, toGk: tools.toGk, toLngLat: (e, n) => tools.toLngLat(e + ox, n + oy) };
    const plotGk = local(plotGkAbs);
    const plotBox: [number, number, number, number] = [absBox[0], absBox[1], absBox[2], absBox[3]];
    const totalPlanar = planarOf(plotGk);
    const totalEll = ellipsoidalAreaM2(plot.geometryLngLat);
    const overlaps: OverlayPiece[] = [];
    const byLayer: OverlayLayerSummary[] = [];
    const skipped: OverlaySkip[] = [];
    const coveredAll: MultiPoly[] = [];

    for (const li of indexes) {
      const name = li.layer.name;
      const pieces = new Map<string | null, MultiPoly[]>();
      const candidates = li.index ? li.index.search(llBox[0], llBox[1], llBox[2], llBox[3]) : [];
      candidates.sort((a, b) => a - b); // deterministic order
      for (const i of candidates) {
        const f = li.inZone(i, tools);
        if (!f || !boxesOverlap(f.bbox, plotBox)) continue;
        try {
          const clipped = intersection(local(f.geom) as Geom, plotGk as Geom);
          if (clipped.length === 0) continue;
          const group = li.layer.features[i]?.group ?? null;
          const list = pieces.get(group);
          if (list) list.push(clipped);
          else pieces.set(group, [clipped]);
        } catch (err) {
          skipped.push({ layer: name, featureIndex: i, reason: 'clip-failed', message: err instanceof Error ? err.message : String(err) });
        }
      }

      let taken: MultiPoly | null = null;
      let sumPlanar = 0;
      let sumEll = 0;
      for (const group of [...pieces.keys()].sort(compareGroups)) {
        const list = pieces.get(group) ?? [];
        let u: MultiPoly;
        try {
          u = list.length === 1 ? (list[0] as MultiPoly) : union(list[0] as Geom, ...(list.slice(1) as Geom[]));
          if (taken) u = difference(u as Geom, taken as Geom);
          taken = taken ? union(taken as Geom, u as Geom) : u;
        } catch (err) {
          skipped.push({ layer: name, featureIndex: -1, reason: 'clip-failed', message: `group ${group ?? '∅'}: ${err instanceof Error ? err.message : String(err)}` });
          continue;
        }
        const a = planarOf(u);
        if (a <= 0) continue;
        const e = ellipsoidalOfPlanar(u, localTools);
        overlaps.push({ layer: name, group, area: figures(a, e, zone) });
        sumPlanar += a;
        sumEll += e;
      }
      let checkDiffM2: number | null = 0;
      if (taken) {
        coveredAll.push(taken);
        try {
          checkDiffM2 = Math.abs(planarOf(difference(plotGk as Geom, taken as Geom)) - (totalPlanar - sumPlanar));
        } catch {
          checkDiffM2 = null; // polyclip could not build plot − ∪groups; the figures do not depend on it
        }
      }
      byLayer.push({ layer: name, covered: figures(sumPlanar, sumEll, zone), uncovered: figures(totalPlanar - sumPlanar, totalEll - sumEll, zone), checkDiffM2 });
    }

    // uncovered = plot − ∪ layers. Every covered piece lies inside the plot, so its area is
    // total − area(∪ layers): a union, which polyclip-ts completes reliably, where a difference against
    // a many-hole result sometimes fails ("Unable to complete output ring").
    let uncovered = figures(totalPlanar, totalEll, zone);
    if (coveredAll.length > 0) {
      try {
        const all = coveredAll.length === 1 ? (coveredAll[0] as MultiPoly) : union(coveredAll[0] as Geom, ...(coveredAll.slice(1) as Geom[]));
        uncovered = figures(totalPlanar - planarOf(all), totalEll - ellipsoidalOfPlanar(all, localTools), zone);
      } catch (err) {
        skipped.push({ layer: '*', featureIndex: -1, reason: 'clip-failed', message: err instanceof Error ? err.message : String(err) });
      }
    }
    results.push({ id: plot.id, zone, area: figures(totalPlanar, totalEll, zone), overlaps, uncovered, byLayer, skipped });
    opts.onProgress?.(plotIndex + 1, plots.length);
  });
  return { plots: results };
}
