/**
 * 打印地图 (issue 13 item 1, "and for any map view"): the pure choices behind the sheet of a bare map view — its
 * Gauss-Krüger zone, the screen's own scale at its centre, the default standard scale, the MapViewTarget that
 * planMapSheet takes, and the sheet's content (no plot, no points, no tables, no record).
 *
 * The sheet is drawn in the GK plane like the evidence sheet (DOMAIN "Evidence-map conventions": Web Mercator is not
 * true scale on both axes and its north is turned from grid north by the convergence), so 10 cm on paper is
 * scale/10 m of ground on both axes.
 */
import { inChinaLngLat } from '../crs/detect';
import { gkZoneForLongitude, makeLngLatToGkEN } from '../crs/transform';
import type { CrsInfo } from '../crs/types';
import { isChinaZone } from '../crs/zones';
import type { GkZoneRef } from '../units/area';
import type { GkPoint, MapSheetContent, SheetLayer, StandardScale } from './inputs';
import { STANDARD_SCALES } from './inputs';
import type { MapViewTarget } from './map-sheet';

/** [west, south, east, north] in degrees (the map's bounds on screen). */
export type LngLatBox = readonly [number, number, number, number];

/** What the map shows now, as the feature reads it from the map's handle. */
export interface MapViewSnapshot {
  /** [lng, lat] of the view's centre. */
  centre: readonly [number, number];
  /** The map's zoom (maplibre: 512 CSS px tiles). */
  zoom: number;
  /** The lon/lat box on screen. */
  bounds: LngLatBox;
}

export type ViewZoneRule = 'layers' | 'centre';

export type ViewZone =
  | { ok: true; zone: GkZoneRef; zonePrefix: boolean; rule: ViewZoneRule }
  /** The centre is outside China's CGCS2000 GK zones (3° zones 25–45): no zone to draw the sheet in. */
  | { ok: false; reason: 'outsideChina' };

/** Past this many degrees from a shared layer zone's central meridian the centre's own 3° zone is used instead. */
export const LAYER_ZONE_REACH_DEG = 3;

/**
 * The zone of a view's sheet. Rule: when the visible vector layers that are in a CGCS2000 Gauss-Krüger CRS all share
 * one zone (width, central meridian and prefix) and the centre lies within 3° of its central meridian, that zone —
 * the grid's X/Y labels then read the very numbers of the officer's data (its attribute table, the surveyor's 报盘
 * file), which is what a reader checks a printed map against; a 6° zone's data keeps its 6° zone. Otherwise
 * (layers in lon/lat only, layers in different zones, or a centre far from theirs) the 3° zone of the centre's
 * longitude: the zone large-scale maps (1:500–1:10,000) are drawn in, and the one whose scale error at the centre is
 * least (< 0.03 % within a 3° zone). Layers in lon/lat (EPSG:4490/4326) hold no zone and do not vote.
 * The centre rule writes Y with the zone prefix (Chinese survey convention: Y keeps its zone, DOMAIN "Coordinates").
 * A centre outside China is refused by name: there is no CGCS2000 zone to draw it in.
 */
export function viewZone(centre: readonly [number, number], layerCrs: readonly CrsInfo[]): ViewZone {
  const [lng, lat] = centre;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || !inChinaLngLat(lng, lat)) return { ok: false, reason: 'outsideChina' };
  const own = gkZoneForLongitude(lng, 3);
  if (!isChinaZone(3, own.zone)) return { ok: false, reason: 'outsideChina' };
  const gk = layerCrs.filter((c) => c.kind === 'projected' && c.gk);
  const first = gk[0]?.gk;
  const shared =
    first &&
    first.zone !== null &&
    gk.every(
      (c) =>
        c.datum === 'CGCS2000' &&
        c.gk!.width === first.width &&
        c.gk!.centralMeridian === first.centralMeridian &&
        c.gk!.zonePrefix === first.zonePrefix,
    );
  if (shared && first.zone !== null && Math.abs(lng - first.centralMeridian) <= LAYER_ZONE_REACH_DEG)
    return {
      ok: true,
      zone: { width: first.width, zone: first.zone, centralMeridian: first.centralMeridian },
      zonePrefix: first.zonePrefix,
      rule: 'layers',
    };
  return { ok: true, zone: own, zonePrefix: true, rule: 'centre' };
}

/** GRS80's semi-major axis, m (maplibre's Web Mercator uses the WGS84 one, the same to the metre). */
const EARTH_RADIUS_M = 6378137;
/** A CSS pixel on a screen: 1/96 inch, m. */
const CSS_PX_M = 0.0254 / 96;

/**
 * The screen's own scale at its centre, 1:N: the ground one CSS pixel covers at the centre's latitude (maplibre's world
 * is 512 × 2^zoom CSS px around the equator; Mercator's ground per pixel shrinks with cos φ) over a CSS pixel's 1/96 in.
 */
export function screenScaleDenominator(zoom: number, latDeg: number): number {
  const metresPerPx = (2 * Math.PI * EARTH_RADIUS_M * Math.cos((latDeg * Math.PI) / 180)) / (512 * 2 ** zoom);
  return metresPerPx / CSS_PX_M;
}

/**
 * The part of the screen's ground that is surely on screen, as a GK box around the view: each edge of the lon/lat box
 * sampled and projected (a GK grid is turned from the lon/lat one by the convergence, so the box's corners are not
 * the GK box's), the inner box of the four projected edges.
 */
export function screenBoxGk(bounds: LngLatBox, toGk: (lng: number, lat: number) => [number, number]): [number, number, number, number] {
  const [w, s, e, n] = bounds;
  const steps = 8;
  const along = (f: (t: number) => [number, number]) => Array.from({ length: steps + 1 }, (_, i) => f(i / steps));
  const west = along((t) => toGk(w, s + (n - s) * t));
  const east = along((t) => toGk(e, s + (n - s) * t));
  const south = along((t) => toGk(w + (e - w) * t, s));
  const north = along((t) => toGk(w + (e - w) * t, n));
  return [
    Math.max(...west.map((p) => p[0])),
    Math.max(...south.map((p) => p[1])),
    Math.min(...east.map((p) => p[0])),
    Math.min(...north.map((p) => p[1])),
  ];
}

/** Whether a frame (mm) centred on `centre` at 1:scale stays inside a GK box. */
export function frameInsideBox(
  centre: GkPoint,
  frameMm: { w: number; h: number },
  scale: number,
  box: readonly [number, number, number, number],
): boolean {
  const halfE = (frameMm.w * scale) / 2000;
  const halfN = (frameMm.h * scale) / 2000;
  const eps = 1e-6;
  return (
    centre[0] - halfE >= box[0] - eps && centre[0] + halfE <= box[2] + eps && centre[1] - halfN >= box[1] - eps && centre[1] + halfN <= box[3] + eps
  );
}

/**
 * The default scale of a view's sheet: of the standard scales whose frame stays inside what is on screen, the one
 * nearest the screen's own scale (nearest by ratio: 1:4,000 is nearer 1:5,000 than 1:2,000). Inside the screen,
 * because the officer framed the view: the paper shows what she saw and nothing she did not look at; nearest the
 * screen's scale, because the sheet then shows the detail she chose by zooming. When even 1:500's frame is larger
 * than the screen (zoomed in very close), 1:500: the nearest there is.
 */
export function defaultViewScale(
  screenScale: number,
  centre: GkPoint,
  frameMm: { w: number; h: number },
  box: readonly [number, number, number, number],
): StandardScale {
  const inside = STANDARD_SCALES.filter((s) => frameInsideBox(centre, frameMm, s, box));
  if (inside.length === 0) return STANDARD_SCALES[0];
  const distance = (s: number) => Math.abs(Math.log(s / screenScale));
  return inside.reduce((best, s) => (distance(s) < distance(best) ? s : best));
}

/** The view's centre in its zone, and its default scale: what planMapSheet takes for a bare view. */
export function viewTarget(view: MapViewSnapshot, zone: Extract<ViewZone, { ok: true }>, frameMm: { w: number; h: number }): MapViewTarget {
  const toGk = makeLngLatToGkEN(zone.zone, zone.zonePrefix);
  const centre = toGk(view.centre[0], view.centre[1]);
  const box = screenBoxGk(view.bounds, toGk);
  const scale = defaultViewScale(screenScaleDenominator(view.zoom, view.centre[1]), centre, frameMm, box);
  return { zone: zone.zone, zonePrefix: zone.zonePrefix, centre, scale };
}

/**
 * The content of a view's sheet: no record (a title without a number or place), no plot, no points, no tables; the
 * layers in the frame, the imagery, the title block (制图单位, 制图人, 审核人, 日期) and the convergence at the centre.
 */
export function viewSheetContent(input: {
  zone: GkZoneRef;
  zonePrefix: boolean;
  layers: readonly SheetLayer[];
  imagery: MapSheetContent['imagery'];
  titleBlock: MapSheetContent['titleBlock'];
  convergenceDeg: number;
}): MapSheetContent {
  return {
    record: { number: '', taskNo: '', caseNo: '', township: '', village: '', place: '' },
    titleBlock: input.titleBlock,
    plot: { zone: input.zone, zonePrefix: input.zonePrefix, polygons: [] },
    points: [],
    areas: [],
    layers: input.layers,
    imagery: input.imagery,
    convergenceDeg: input.convergenceDeg,
  };
}
