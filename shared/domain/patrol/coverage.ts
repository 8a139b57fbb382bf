/**
 * Which cells a track covered (巡查覆盖): for each cell, the length of the track inside it and the time spent
 * inside it; a cell counts as covered from `minMetres` (default 200 m) or `minSeconds` (default 300 s) inside.
 *
 * How (README, Domain rules 1 and 4):
 * - Each cell is worked in its CGCS2000 3° Gauss-Krüger zone (that of its box's middle longitude), the track
 *   projected into the same zone; edges are straight there, as the overlay and the measure tool take them.
 * - Each track segment is cut where it crosses a cell's rings (parameters τ ∈ 0…1 along the segment in the GK
 *   plane, collinear stretches cut at their ends); each piece is inside or outside as its middle is (even-odd
 *   over all rings; a point on the boundary is inside, as GEOS counts a line along a polygon's boundary in
 *   their intersection — so a track along a shared edge counts for both cells).
 * - Lengths are geodesic on GRS80/CGCS2000 (GeographicLib, length.ts) between the pieces' ends: original track
 *   points where a piece ends at one, else the crossing taken back to lon/lat. A segment wholly inside gives
 *   exactly its own geodesic length, so the cells of a track that never leaves them add up to its length.
 * - Times are the track's, interpolated along the segment at the crossings; a segment without both times (or
 *   going back in time) adds no time. A zero-length segment (standing still) adds its time to the cell it is in.
 *
 * Why our own clipping rather than GEOS's line ∩ polygon: the pieces GEOS returns do not carry where along the
 * track they lie, which the time at a crossing needs. The figures are checked against GEOS (shapely) and
 * pyproj.Geod in tests/oracles/coverage.json (scripts/make-coverage-oracle.py).
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { gkZoneForLongitude, makeGkToLngLat, makeLngLatToGkEN } from '../crs/transform';
import { geodesicDistanceMetres } from '../geometry/length';
import type { GkZoneRef } from '../units/area';

export interface CoverageCell {
  id: string;
  name: string;
  geometryLngLat: Polygon | MultiPolygon;
}

/** [lng, lat, epoch ms or null]: a track point as the track reader gives it. */
export type CoveragePoint = readonly [number, number, number | null];

export interface CoverageOptions {
  /** Covered from this many metres inside. Default 200. */
  minMetres?: number;
  /** … or from this many seconds inside. Default 300 (five minutes on site). */
  minSeconds?: number;
}

export const DEFAULT_MIN_METRES = 200;
export const DEFAULT_MIN_SECONDS = 300;

export interface CellCoverage {
  id: string;
  name: string;
  insideMetres: number;
  /** null when no segment inside the cell had times at both ends. */
  insideSeconds: number | null;
  covered: boolean;
}

export interface TrackCoverage {
  points: number;
  /** Geodesic length of the whole track (CGCS2000 ellipsoid). */
  lengthMetres: number;
  /** Times of the first and last timed points. */
  startMs: number | null;
  endMs: number | null;
  /** The cells the track entered (some metres or seconds inside), in the order the cells were given. */
  cells: CellCoverage[];
}

/** Below this (metres in the GK plane) a point is on an edge. Coordinates are ~1e6 m, doubles ~1e-10 m there. */
const ON_EDGE_METRES = 1e-6;
/** Cells with more ring edges than this get an edge index (village boundaries carry thousands of vertices). */
const EDGE_INDEX_MIN = 32;

interface PreparedCell {
  index: number;
  /** x0, y0, x1, y1 per edge, all rings. */
  edges: Float64Array;
  edgeIndex: Flatbush | null;
  box: [number, number, number, number];
}

interface ZoneGroup {
  zone: GkZoneRef;
  toGk: (lng: number, lat: number) => [number, number];
  toLngLat: (e: number, n: number) => [number, number];
  cells: PreparedCell[];
  index: Flatbush | null;
}

export interface PreparedCells {
  ids: readonly string[];
  names: readonly string[];
  zones: ZoneGroup[];
}

/**
 * The cells as a few flat arrays, for the copy to a worker: cell i's rings are ringStarts[i] … ringStarts[i + 1] − 1
 * (a MultiPolygon's parts' rings one after the other: the measure is even-odd over all of them), ring r's points
 * pointStarts[r] … pointStarts[r + 1] − 1, point k at lngLat[2k], lngLat[2k + 1]. 5,000 cells as GeoJSON took
 * 80–180 ms to structured-clone on this machine (every position an array); these arrays are transferred as they are
 * (packedCellsTransfer) and the names are two lists of strings.
 */
export interface PackedCells {
  ids: string[];
  names: string[];
  ringStarts: Uint32Array;
  pointStarts: Uint32Array;
  lngLat: Float64Array;
}

const ringsOf = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/** The cells in the flat shape (PackedCells); a geometry without coordinates is a cell without rings. */
export function packCells(cells: readonly CoverageCell[]): PackedCells {
  let rings = 0;
  let points = 0;
  for (const c of cells)
    for (const ring of ringsOf(c.geometryLngLat)) {
      rings++;
      points += ring.length;
    }
  const ringStarts = new Uint32Array(cells.length + 1);
  const pointStarts = new Uint32Array(rings + 1);
  const lngLat = new Float64Array(points * 2);
  let r = 0;
  let k = 0;
  cells.forEach((c, i) => {
    ringStarts[i] = r;
    for (const ring of ringsOf(c.geometryLngLat)) {
      pointStarts[r++] = k;
      for (const p of ring) {
        lngLat[2 * k] = p[0] as number;
        lngLat[2 * k + 1] = p[1] as number;
        k++;
      }
    }
  });
  ringStarts[cells.length] = r;
  pointStarts[rings] = k;
  return { ids: cells.map((c) => c.id), names: cells.map((c) => c.name), ringStarts, pointStarts, lngLat };
}

/** The buffers to transfer with a PackedCells (postMessage's transfer list): the sender's copy is then gone. */
export const packedCellsTransfer = (p: PackedCells): ArrayBuffer[] => [p.ringStarts.buffer, p.pointStarts.buffer, p.lngLat.buffer] as ArrayBuffer[];

/** Cell i of `p` projected by `toGk` into its edges, box and (for a cell with many edges) an edge index. */
function prepareCell(p: PackedCells, index: number, toGk: ZoneGroup['toGk']): PreparedCell | null {
  const ll = p.lngLat;
  const first = p.ringStarts[index] as number;
  const last = p.ringStarts[index + 1] as number;
  // Count first, then fill: one typed array per cell, no array per vertex.
  let n = 0;
  for (let r = first; r < last; r++) {
    const a = p.pointStarts[r] as number;
    const b = p.pointStarts[r + 1] as number;
    if (b - a < 3) continue;
    // Rings from a file may come unclosed: the closing edge is then added.
    n += ll[2 * a] !== ll[2 * (b - 1)] || ll[2 * a + 1] !== ll[2 * (b - 1) + 1] ? b - a : b - a - 1;
  }
  if (n === 0) return null;
  const edges = new Float64Array(n * 4);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let o = 0;
  for (let r = first; r < last; r++) {
    const a = p.pointStarts[r] as number;
    const b = p.pointStarts[r + 1] as number;
    if (b - a < 3) continue;
    const closed = ll[2 * a] === ll[2 * (b - 1)] && ll[2 * a + 1] === ll[2 * (b - 1) + 1];
    const [x0, y0] = toGk(ll[2 * a] as number, ll[2 * a + 1] as number);
    let px = x0;
    let py = y0;
    for (let k = a + 1; k <= (closed ? b - 1 : b); k++) {
      const [x, y] = k === b || (closed && k === b - 1) ? [x0, y0] : toGk(ll[2 * k] as number, ll[2 * k + 1] as number);
      edges[o++] = px;
      edges[o++] = py;
      edges[o++] = x;
      edges[o++] = y;
      if (px < minX) minX = px;
      if (py < minY) minY = py;
      if (px > maxX) maxX = px;
      if (py > maxY) maxY = py;
      px = x;
      py = y;
    }
  }
  let edgeIndex: Flatbush | null = null;
  if (n > EDGE_INDEX_MIN) {
    edgeIndex = new Flatbush(n);
    for (let i = 0; i < edges.length; i += 4) {
      const [x0, y0, x1, y1] = [edges[i] as number, edges[i + 1] as number, edges[i + 2] as number, edges[i + 3] as number];
      edgeIndex.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }
    edgeIndex.finish();
  }
  return { index, edges, edgeIndex, box: [minX, minY, maxX, maxY] };
}

/** The middle of cell i's longitudes (its zone), null for a cell without points. */
function lngMiddle(p: PackedCells, index: number): number | null {
  const a = p.pointStarts[p.ringStarts[index] as number] as number;
  const b = p.pointStarts[p.ringStarts[index + 1] as number] as number;
  let w = Infinity;
  let e = -Infinity;
  for (let k = a; k < b; k++) {
    const lng = p.lngLat[2 * k] as number;
    if (lng < w) w = lng;
    if (lng > e) e = lng;
  }
  return Number.isFinite(w) ? (w + e) / 2 : null;
}

const isPacked = (cells: readonly CoverageCell[] | PackedCells): cells is PackedCells => !Array.isArray(cells);

/** Projects and indexes the cells once; a track, or a month of them, is then measured against them. */
export function prepareCells(cells: readonly CoverageCell[] | PackedCells): PreparedCells {
  const p = isPacked(cells) ? cells : packCells(cells);
  const zones = new Map<string, ZoneGroup>();
  for (let i = 0; i < p.ids.length; i++) {
    const middle = lngMiddle(p, i);
    if (middle === null) continue;
    const zone = gkZoneForLongitude(middle);
    const key = `${zone.width}:${zone.zone}`;
    let group = zones.get(key);
    if (!group)
      zones.set(key, (group = { zone, toGk: makeLngLatToGkEN(zone, false), toLngLat: makeGkToLngLat(zone, false), cells: [], index: null }));
    const prepared = prepareCell(p, i, group.toGk);
    if (prepared) group.cells.push(prepared);
  }
  for (const g of zones.values()) {
    if (g.cells.length === 0) continue;
    g.index = new Flatbush(g.cells.length);
    for (const c of g.cells) g.index.add(c.box[0], c.box[1], c.box[2], c.box[3]);
    g.index.finish();
  }
  return { ids: p.ids, names: p.names, zones: [...zones.values()] };
}

/** The edge numbers whose boxes meet the given box, or null for "every edge" (a cell too small to be indexed). */
function edgesNear(c: PreparedCell, minX: number, minY: number, maxX: number, maxY: number): number[] | null {
  return c.edgeIndex ? c.edgeIndex.search(minX - ON_EDGE_METRES, minY - ON_EDGE_METRES, maxX + ON_EDGE_METRES, maxY + ON_EDGE_METRES) : null;
}

/** How many edges `near` lists, and the offset into `edges` of its k-th (plain loops: this is the hot path). */
const edgeCount = (c: PreparedCell, near: number[] | null): number => (near ? near.length : c.edges.length / 4);
const edgeAt = (near: number[] | null, k: number): number => (near ? (near[k] as number) : k) * 4;

function distanceToEdgeSquared(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
  const ex = x0 + t * dx - px;
  const ey = y0 + t * dy - py;
  return ex * ex + ey * ey;
}

/** Inside the cell (even-odd over all its rings) or on its boundary. */
function insideOrOnCell(c: PreparedCell, px: number, py: number): boolean {
  if (px < c.box[0] - ON_EDGE_METRES || px > c.box[2] + ON_EDGE_METRES || py < c.box[1] - ON_EDGE_METRES || py > c.box[3] + ON_EDGE_METRES)
    return false;
  const e = c.edges;
  // On the boundary: the edges near the point.
  const close = edgesNear(c, px, py, px, py);
  for (let k = 0, n = edgeCount(c, close); k < n; k++) {
    const i = edgeAt(close, k);
    if (distanceToEdgeSquared(px, py, e[i] as number, e[i + 1] as number, e[i + 2] as number, e[i + 3] as number) <= ON_EDGE_METRES * ON_EDGE_METRES)
      return true;
  }
  // A ray towards +x: the edges in its band.
  let inside = false;
  const band = edgesNear(c, px, py, c.box[2], py);
  for (let k = 0, n = edgeCount(c, band); k < n; k++) {
    const i = edgeAt(band, k);
    const x0 = e[i] as number,
      y0 = e[i + 1] as number,
      x1 = e[i + 2] as number,
      y1 = e[i + 3] as number;
    if (y0 > py !== y1 > py && px < x0 + ((py - y0) * (x1 - x0)) / (y1 - y0)) inside = !inside;
  }
  return inside;
}

/** τ ∈ (0, 1) where segment a→b meets the cell's edges (crossings, and the ends of collinear stretches). */
function cuts(c: PreparedCell, ax: number, ay: number, bx: number, by: number): number[] {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const out: number[] = [];
  if (len2 === 0) return out;
  const e = c.edges;
  const near = edgesNear(c, Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  for (let k = 0, n = edgeCount(c, near); k < n; k++) {
    const i = edgeAt(near, k);
    const x0 = e[i] as number,
      y0 = e[i + 1] as number,
      x1 = e[i + 2] as number,
      y1 = e[i + 3] as number;
    const ex = x1 - x0;
    const ey = y1 - y0;
    const denom = dx * ey - dy * ex;
    const wx = x0 - ax;
    const wy = y0 - ay;
    if (Math.abs(denom) > 1e-12 * Math.sqrt(len2 * (ex * ex + ey * ey))) {
      const t = (wx * ey - wy * ex) / denom;
      const u = (wx * dy - wy * dx) / denom;
      if (t > 0 && t < 1 && u >= 0 && u <= 1) out.push(t);
    } else if (Math.abs(wx * dy - wy * dx) <= ON_EDGE_METRES * Math.sqrt(len2)) {
      // Collinear: the stretch along the edge starts and ends where the edge's ends project onto the segment.
      for (const [px, py] of [
        [x0, y0],
        [x1, y1],
      ] as const) {
        const t = ((px - ax) * dx + (py - ay) * dy) / len2;
        if (t > 0 && t < 1) out.push(t);
      }
    }
  }
  return out;
}

interface Accumulated {
  metres: number;
  seconds: number;
  timed: boolean;
}

const lngLatOf = (p: CoveragePoint): readonly [number, number] => [p[0], p[1]];

/** Geodesic length of each segment of a line (segment i joins points i and i + 1). */
function segmentLengths(points: readonly CoveragePoint[]): Float64Array {
  const out = new Float64Array(Math.max(0, points.length - 1));
  for (let i = 1; i < points.length; i++)
    out[i - 1] = geodesicDistanceMetres(lngLatOf(points[i - 1] as CoveragePoint), lngLatOf(points[i] as CoveragePoint));
  return out;
}

/** Adds one track's figures per cell (by cell index) into `acc`; `lengths` are its segments' (segmentLengths). */
function accumulate(prepared: PreparedCells, points: readonly CoveragePoint[], lengths: Float64Array, acc: Map<number, Accumulated>): void {
  if (points.length < 2) return; // one point is no patrol: nothing to measure
  const add = (cell: number, metres: number, seconds: number | null): void => {
    let a = acc.get(cell);
    if (!a) acc.set(cell, (a = { metres: 0, seconds: 0, timed: false }));
    a.metres += metres;
    if (seconds !== null) {
      a.seconds += seconds;
      a.timed = true;
    }
  };
  for (const zone of prepared.zones) {
    if (!zone.index) continue;
    const gk = new Float64Array(points.length * 2);
    points.forEach((p, i) => {
      const [x, y] = zone.toGk(p[0], p[1]);
      gk[2 * i] = x;
      gk[2 * i + 1] = y;
    });
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1] as CoveragePoint;
      const b = points[i] as CoveragePoint;
      const ax = gk[2 * i - 2] as number,
        ay = gk[2 * i - 1] as number,
        bx = gk[2 * i] as number,
        by = gk[2 * i + 1] as number;
      const dtSeconds = a[2] !== null && b[2] !== null && b[2] >= a[2] ? (b[2] - a[2]) / 1000 : null;
      // Padded as the edge test is, so a track along a cell's outer edge still finds that cell.
      const candidates = zone.index.search(
        Math.min(ax, bx) - ON_EDGE_METRES,
        Math.min(ay, by) - ON_EDGE_METRES,
        Math.max(ax, bx) + ON_EDGE_METRES,
        Math.max(ay, by) + ON_EDGE_METRES,
      );
      if (candidates.length === 0) continue;
      for (const k of candidates) {
        const cell = zone.cells[k] as PreparedCell;
        if (ax === bx && ay === by) {
          if (insideOrOnCell(cell, ax, ay)) add(cell.index, 0, dtSeconds);
          continue;
        }
        const ts = [0, ...cuts(cell, ax, ay, bx, by).sort((p, q) => p - q), 1];
        for (let j = 1; j < ts.length; j++) {
          const t0 = ts[j - 1] as number;
          const t1 = ts[j] as number;
          if (t1 - t0 <= 1e-12) continue;
          const tm = (t0 + t1) / 2;
          if (!insideOrOnCell(cell, ax + tm * (bx - ax), ay + tm * (by - ay))) continue;
          let metres: number;
          if (t0 === 0 && t1 === 1) metres = lengths[i - 1] as number;
          else {
            const at = (t: number): readonly number[] =>
              t === 0 ? lngLatOf(a) : t === 1 ? lngLatOf(b) : zone.toLngLat(ax + t * (bx - ax), ay + t * (by - ay));
            metres = geodesicDistanceMetres(at(t0), at(t1));
          }
          add(cell.index, metres, dtSeconds === null ? null : dtSeconds * (t1 - t0));
        }
      }
    }
  }
}

function cellResults(prepared: PreparedCells, acc: Map<number, Accumulated>, opts: CoverageOptions): CellCoverage[] {
  const minMetres = opts.minMetres ?? DEFAULT_MIN_METRES;
  const minSeconds = opts.minSeconds ?? DEFAULT_MIN_SECONDS;
  return [...acc.entries()]
    .filter(([, a]) => a.metres > 0 || a.seconds > 0)
    .sort((p, q) => p[0] - q[0])
    .map(([i, a]) => {
      const insideSeconds = a.timed ? a.seconds : null;
      return {
        id: prepared.ids[i] as string,
        name: prepared.names[i] as string,
        insideMetres: a.metres,
        insideSeconds,
        covered: a.metres >= minMetres || (insideSeconds !== null && insideSeconds >= minSeconds),
      };
    });
}

/** Geodesic length of a line of lon/lat points. */
export const trackLengthMetres = (points: readonly CoveragePoint[]): number => segmentLengths(points).reduce((s, x) => s + x, 0);

/** One track against the cells. */
export function trackCoverage(prepared: PreparedCells, points: readonly CoveragePoint[], opts: CoverageOptions = {}): TrackCoverage {
  const acc = new Map<number, Accumulated>();
  const lengths = segmentLengths(points);
  accumulate(prepared, points, lengths, acc);
  const timed = points.filter((p) => p[2] !== null);
  return {
    points: points.length,
    lengthMetres: lengths.reduce((s, x) => s + x, 0),
    startMs: timed.length ? (timed[0]![2] as number) : null,
    endMs: timed.length ? (timed[timed.length - 1]![2] as number) : null,
    cells: cellResults(prepared, acc, opts),
  };
}

/**
 * Several lines of one patrol (a route's segments, a day's tracks) against the cells: figures summed per cell, and
 * the lines' geodesic length (each segment measured once, for both).
 */
export function measurePatrol(
  prepared: PreparedCells,
  lines: readonly (readonly CoveragePoint[])[],
  opts: CoverageOptions = {},
): { cells: CellCoverage[]; lengthMetres: number } {
  const acc = new Map<number, Accumulated>();
  let lengthMetres = 0;
  for (const line of lines) {
    const lengths = segmentLengths(line);
    accumulate(prepared, line, lengths, acc);
    lengthMetres += lengths.reduce((s, x) => s + x, 0);
  }
  return { cells: cellResults(prepared, acc, opts), lengthMetres };
}

/** Several lines of one patrol against the cells: figures summed per cell (measurePatrol without the length). */
export const patrolCoverage = (prepared: PreparedCells, lines: readonly (readonly CoveragePoint[])[], opts: CoverageOptions = {}): CellCoverage[] =>
  measurePatrol(prepared, lines, opts).cells;
