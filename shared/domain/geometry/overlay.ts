/**
 * Plot overlay — "how much farmland / which land classes / which planning zones does this plot
 * occupy" (README, Domain rule 3).
 *
 * Method (mirrored independently by scripts/overlay-reference.py with shapely/GEOS, the test oracle and
 * the benchmark reference):
 * 1. Work in the plot's CGCS2000 3° GK zone, no prefix (planar metres) — or the zone the plot's own
 *    figures are in (`OverlayPlot.zone`), so the plot's total here equals its total in identify.
 * 2. Candidates from a Flatbush index per layer on lon/lat bboxes (built once per layer, `OverlayIndex`).
 *    Each candidate is projected into the zone and built as a GEOS geometry once, and cached; a boundary
 *    GEOS finds invalid is repaired (MakeValid) and the result names it (`repaired`).
 * 3. Clip each candidate by the plot (GEOS OverlayNG intersection; a candidate of many vertices is first cut
 *    to the plot's box by ClipByRect, which is exact on the box and linear in time). A candidate GEOS cannot
 *    clip even after repair is named in `unusable`, and every figure that depends on it is marked
 *    (`complete: false` on its layer and on the plot): never silently left out.
 * 4. Per layer and group: UNION the clipped pieces, so overlapping features count once. Groups within a layer
 *    are made disjoint in a fixed order: group names sorted by UTF-16 code unit (plain `<`), `null` last; an
 *    earlier group keeps the contested area. A layer's remainder (其他/未覆盖) is total − Σ groups (planar and
 *    ellipsoidal), so Σ groups + remainder = total exactly; no figure is negative (noise of either sign
 *    below NOISE is 0).
 * 5. `uncovered` = plot − ∪ (all layers): total − area(∪ of every layer's covered geometry).
 * Planar figures are GEOS's areas; ellipsoidal figures inverse-project each piece to lon/lat and take
 * ellipsoidalAreaM2; 亩 follow the planar figure.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { toMu, squareMetres, type AreaFigures, type GkZoneRef } from '../units/area';
import { gkZoneForLongitude, makeGkToLngLat, makeLngLatToGkEN } from '../crs/transform';
import { ellipsoidalAreaM2, polygonsOf } from './area';
import { bboxesOverlap, bboxInside, polygonsBbox, type Bbox } from './bbox';
import { EngineError, type GeometryEngine, type Polygons } from './engine/engine';
import type { Ptr } from './engine/geos-api';
import { LayerIndex, zoneKey, type CachedFeature, type ZoneTools } from './overlay-layer-index';

export interface OverlayPlot {
  id: string;
  /** null for a plot record without geometry: it still gets its row, marked (never silently left out). */
  geometryLngLat: Polygon | MultiPolygon | null;
  /** The GK zone of the plot's own figures (its layer's data zone); default: the 3° zone of its centre. */
  zone?: GkZoneRef;
}

export interface OverlayFeature {
  geometryLngLat: Polygon | MultiPolygon;
  /** Classifying value (DLMC, GHFQMC …); null when the layer is not grouped. */
  group: string | null;
  /** The feature's id for messages (its record number, 0-based fid); default: its index in the layer. */
  fid?: number;
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
  /** false when a feature of this layer that touches the plot could not be used (see `unusable`): the
   *  layer's figures are then marked as incomplete wherever they are shown. */
  complete: boolean;
}

/**
 * Something the engine could not use for this plot: a feature (`fid` as in OverlayFeature), a whole group
 * (`fid` −1, `group` set), or the plot itself (`layer` null: no geometry, or GEOS failed on it).
 */
export interface OverlayUnusable {
  layer: string | null;
  fid: number;
  group?: string | null;
  reason: 'engine' | 'no-geometry';
  /** GEOS's own words, for a report; the UI says the reason in Chinese/English. */
  message: string;
}

/** A feature (or the plot itself) whose boundary was invalid and was repaired before clipping. */
export interface OverlayRepaired {
  layer: string | null; // null: the plot
  fid: number;
}

export interface OverlayPlotResult {
  id: string;
  zone: GkZoneRef;
  area: AreaFigures;
  overlaps: OverlayPiece[];
  uncovered: AreaFigures;
  byLayer: OverlayLayerSummary[];
  /** false when any figure of this plot depends on an unusable feature. */
  complete: boolean;
  unusable: OverlayUnusable[];
  repaired: OverlayRepaired[];
}

export interface OverlayResult {
  plots: OverlayPlotResult[];
}

/**
 * A feature's group from its attribute value, the one rule for the app, the CLI and the reference: a missing,
 * null or blank value (DBF text of spaces reads as null) is no group (null, shown as '—'); anything else is its
 * text. Without one rule, '' and null would sort apart (earlier groups win contested area) and the same plot
 * would get different figures.
 */
export function groupValueOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const text = String(v);
  return text.trim() === '' ? null : text;
}

/** Group order: code-unit order of names, null last (documented rule: earlier groups win). */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Widening of the lon/lat candidate search (see overlayOne). */
const SEARCH_PAD_DEG = 1e-4;

/** Candidates with more vertices than this are cut to the plot's box before the exact intersection. */
const RECT_CLIP_VERTICES = 64;

/**
 * A remainder (total − Σ pieces) of a fully covered plot is float noise of either sign: below a
 * micro-square-metre it is zero, and a negative one (the pieces lie inside the plot, so only noise can make
 * their sum exceed it) is zero too, so no table ever prints "-0.00" or a negative 亩.
 */
const NOISE_M2 = 1e-6;
const clean = (v: number): number => (v < NOISE_M2 ? 0 : v);

function figures(planarM2: number, ellipsoidalM2: number, zone: GkZoneRef): AreaFigures {
  const planar = squareMetres(clean(planarM2));
  return { planarM2: planar, ellipsoidalM2: squareMetres(clean(ellipsoidalM2)), mu: toMu(planar), zone };
}

/**
 * Layer names as the result keys them: two layers of one name (两个 GHFQ.shp from different folders) would
 * have their pieces and blocks mixed, so a repeated name gets a suffix, "GHFQ（2）", in the order given.
 */
export function uniqueNames<T extends { name: string }>(layers: T[]): T[] {
  const seen = new Set<string>();
  return layers.map((l) => {
    let name = l.name;
    for (let k = 2; seen.has(name); k++) name = `${l.name}（${k}）`;
    seen.add(name);
    return name === l.name ? l : { ...l, name };
  });
}

/** Layers prepared once for many overlays (the on-site comparison, the live figure while drawing). */
export class OverlayIndex {
  private readonly layers: LayerIndex[];
  private readonly zones = new Map<string, ZoneTools>();

  constructor(
    private readonly engine: GeometryEngine,
    layers: OverlayLayer[],
  ) {
    this.layers = uniqueNames(layers).map((l) => new LayerIndex(l, engine));
  }

  private toolsFor(zone: GkZoneRef): ZoneTools {
    const key = zoneKey(zone);
    let t = this.zones.get(key);
    if (!t) {
      t = { key, zone, toGk: makeLngLatToGkEN(zone, false), toLngLat: makeGkToLngLat(zone, false) };
      this.zones.set(key, t);
    }
    return t;
  }

  private ellipsoidal(g: Ptr, tools: ZoneTools): number {
    if (!g || this.engine.isEmpty(g)) return 0;
    const polys = this.engine.toPolygons(g);
    const ll = polys.map((poly) => poly.map((ring) => ring.map((p) => tools.toLngLat(p[0] as number, p[1] as number))));
    return ellipsoidalAreaM2({ type: 'MultiPolygon', coordinates: ll });
  }

  /** One plot against every layer (rules in the module comment). Never throws for a plot GEOS cannot
   *  handle: such a plot comes back with zero figures, `complete: false` and its reason in `unusable`. */
  overlay(plot: OverlayPlot): OverlayPlotResult {
    const g = plot.geometryLngLat;
    const llPolys = g ? polygonsOf(g) : [];
    const llBox = polygonsBbox(llPolys);
    const zone =
      plot.zone ??
      (Number.isFinite(llBox[0]) ? gkZoneForLongitude((llBox[0] + llBox[2]) / 2, 3) : { width: 3 as const, zone: 0, centralMeridian: 0 });
    if (!g || llPolys.length === 0 || !Number.isFinite(llBox[0])) return this.failed(plot.id, zone, 'no-geometry', 'no geometry');
    try {
      return this.overlayOne(plot.id, g, llPolys, llBox, zone);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      return this.failed(plot.id, zone, 'engine', err.message);
    }
  }

  /** A plot that could not be overlaid at all: zero figures, marked incomplete, with the reason. */
  private failed(id: string, zone: GkZoneRef, reason: OverlayUnusable['reason'], message: string): OverlayPlotResult {
    const zero = figures(0, 0, zone);
    return {
      id,
      zone,
      area: zero,
      overlaps: [],
      uncovered: zero,
      byLayer: this.layers.map((l) => ({ layer: l.layer.name, covered: zero, uncovered: zero, complete: false })),
      complete: false,
      unusable: [{ layer: null, fid: -1, reason, message }],
      repaired: [],
    };
  }

  private overlayOne(id: string, g: Polygon | MultiPolygon, llPolys: Position[][][], llBox: Bbox, zone: GkZoneRef): OverlayPlotResult {
    const e = this.engine;
    const tools = this.toolsFor(zone);
    const plotGk: Polygons = llPolys.map((poly) => poly.map((ring) => ring.map((p) => tools.toGk(p[0] as number, p[1] as number))));
    const repaired: OverlayRepaired[] = [];
    const unusable: OverlayUnusable[] = [];
    const { geom: plotGeom, repaired: plotRepaired } = e.validated(e.fromPolygons(plotGk));
    if (plotRepaired) repaired.push({ layer: null, fid: -1 });
    const totalEll = plotRepaired ? this.ellipsoidal(plotGeom, tools) : ellipsoidalAreaM2(g);
    const owned: Ptr[] = [plotGeom];
    try {
      const totalPlanar = e.area(plotGeom);
      const box = polygonsBbox(plotGk);
      const pad = 1; // m: the rectangle strictly contains the plot, so clipping to it changes nothing inside
      const clipBox: Bbox = [box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad];
      const overlaps: OverlayPiece[] = [];
      const byLayer: OverlayLayerSummary[] = [];

      for (const li of this.layers) {
        const name = li.layer.name;
        const pieces = new Map<string | null, Ptr[]>();
        let complete = true;
        // Candidates are found on lon/lat boxes but clipped with edges straight in the GK plane, which bow out
        // of their lon/lat box by up to L²/8R (0.6 m for a 5.5 km edge): the search box is widened by
        // SEARCH_PAD_DEG (~11 m, edges up to ~24 km), and the exact GK box test below drops the extras.
        const candidates = li.index
          ? li.index.search(llBox[0] - SEARCH_PAD_DEG, llBox[1] - SEARCH_PAD_DEG, llBox[2] + SEARCH_PAD_DEG, llBox[3] + SEARCH_PAD_DEG)
          : [];
        candidates.sort((a, b) => a - b); // deterministic order
        for (const i of candidates) {
          let clipped: Ptr = 0;
          try {
            const f = li.inZone(i, tools);
            if (!f.geom || !bboxesOverlap(f.bbox, clipBox)) continue;
            if (f.repaired) repaired.push({ layer: name, fid: li.fidOf(i) });
            clipped = this.clip(f, plotGeom, clipBox);
          } catch (err) {
            if (!(err instanceof EngineError)) throw err;
            complete = false;
            unusable.push({ layer: name, fid: li.fidOf(i), reason: 'engine', message: err.message });
            continue;
          }
          if (e.isEmpty(clipped)) {
            e.destroy(clipped);
            continue;
          }
          const group = li.layer.features[i]?.group ?? null;
          const list = pieces.get(group);
          if (list) list.push(clipped);
          else pieces.set(group, [clipped]);
        }

        let taken: Ptr = 0;
        let sumPlanar = 0;
        let sumEll = 0;
        for (const group of [...pieces.keys()].sort(compareGroups)) {
          let u: Ptr = 0;
          try {
            const list = pieces.get(group) ?? [];
            // One piece is already valid and disjoint from itself: its union is itself.
            u = list.length === 1 ? (list[0] as Ptr) : e.unionAll(list);
            if (taken) {
              const d = e.difference(u, taken);
              e.destroy(u);
              u = d;
            }
            const a = e.area(u);
            if (a > 0) {
              const ell = this.ellipsoidal(u, tools);
              overlaps.push({ layer: name, group, area: figures(a, ell, zone) });
              sumPlanar += a;
              sumEll += ell;
            }
            if (!taken) {
              taken = u;
              u = 0;
            } else {
              const both = [taken, u];
              taken = 0; // unionAll owns both from here, also when it throws
              u = 0;
              taken = e.unionAll(both);
            }
          } catch (err) {
            if (!(err instanceof EngineError)) throw err;
            // Named, and the layer's figures marked: a group that cannot be formed is never silently dropped.
            if (u) e.destroy(u);
            complete = false;
            unusable.push({ layer: name, fid: -1, group, reason: 'engine', message: err.message });
          }
        }
        if (taken) owned.push(taken);
        byLayer.push({
          layer: name,
          covered: figures(sumPlanar, sumEll, zone),
          uncovered: figures(totalPlanar - sumPlanar, totalEll - sumEll, zone),
          complete,
        });
      }

      let uncovered = figures(totalPlanar, totalEll, zone);
      const covers = owned.slice(1);
      if (covers.length > 0) {
        try {
          const all = e.unionAll(covers.map((c) => e.clone(c)));
          owned.push(all);
          uncovered = figures(totalPlanar - e.area(all), totalEll - this.ellipsoidal(all, tools), zone);
        } catch (err) {
          if (!(err instanceof EngineError)) throw err;
          unusable.push({ layer: null, fid: -1, reason: 'engine', message: err.message });
        }
      }
      return {
        id,
        zone,
        area: figures(totalPlanar, totalEll, zone),
        overlaps,
        uncovered,
        byLayer,
        complete: unusable.length === 0,
        unusable,
        repaired,
      };
    } finally {
      for (const p of owned) e.destroy(p);
    }
  }

  /** candidate ∩ plot; a large candidate is first cut to the plot's box. Falls back to the plain
   *  intersection if GEOS refuses the rectangle-clipped form. */
  private clip(f: CachedFeature, plotGeom: Ptr, clipBox: Bbox): Ptr {
    const e = this.engine;
    if (f.vertices > RECT_CLIP_VERTICES && !bboxInside(f.bbox, clipBox)) {
      const cut = e.clipByRect(f.geom, clipBox[0], clipBox[1], clipBox[2], clipBox[3]);
      if (e.isEmpty(cut)) return cut;
      try {
        return e.intersection(cut, plotGeom);
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
      } finally {
        e.destroy(cut);
      }
    }
    return e.intersection(f.geom, plotGeom);
  }

  /** Frees the GEOS geometries this index built. */
  dispose(): void {
    for (const l of this.layers) l.dispose();
  }
}

/** Overlay plots with layers; see the module comment for the rules. */
export function overlayPlots(engine: GeometryEngine, plots: OverlayPlot[], layers: OverlayLayer[], opts: OverlayOptions = {}): OverlayResult {
  const index = new OverlayIndex(engine, layers);
  try {
    const results: OverlayPlotResult[] = [];
    plots.forEach((plot, k) => {
      results.push(index.overlay(plot));
      opts.onProgress?.(k + 1, plots.length);
    });
    return { plots: results };
  } finally {
    index.dispose();
  }
}
