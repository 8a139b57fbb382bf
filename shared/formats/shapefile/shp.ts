// Our .shp reader (ESRI Shapefile Technical Description, July 1998). Geometry stays in SOURCE coordinates
// (reprojection is the pipeline's job). Problems are returned as issues; no input throws or hangs.
//   file header (100 bytes): file code 9994 (int32 BE @0), file length in 16-bit words (int32 BE @24),
//   version 1000 (int32 LE @28), shape type (int32 LE @32), bbox xmin ymin xmax ymax (float64 LE @36…)
//   record: number (int32 BE), content length in words (int32 BE), then content (shape type int32 LE …)
import type { Geometry, Position } from 'geojson';
import type { GeometryKind, Issue } from '../types';
import { assemblePolygon, type RingInput } from './polygon-assembly';
import { signedAreaFlat } from './ring-geometry';
import { makeSweepScratch, ringSelfContacts, type SweepScratch } from './self-intersection';
import { baseShapeType, geometryKindOf, hasZOrM, SHAPE_TYPE_NAMES } from './shape-types';
import { checkShx } from './shx';
import type { Bbox } from '../../domain/geometry/bbox';

export interface ShpRecord {
  /** 0-based position of the record in the .shp; pairs with DBF row `index`. */
  index: number;
  geometry: Geometry | null;
  /** Set on polygons that may be invalid (a ring touching or crossing itself, or several rings that may
   *  cross): the import asks GEOS whether they are valid and repairs those that are not. */
  check?: true;
}

export interface ShpResult {
  shapeType: number;
  /** 'Polygon', 'PolygonZ', 'PolyLine', 'Point' … ('Unknown' for a bad header) */
  shapeTypeName: string;
  geometryKind: GeometryKind;
  /** Header bbox [xmin, ymin, xmax, ymax] in source coordinates; null for a bad header. */
  bboxSource: Bbox | null;
  /** Readable records, in file order; unreadable ones are left out (see shp.badRecords). */
  records: ShpRecord[];
  /** Record slots found in the file, readable or not: the count to compare with the DBF. */
  recordCount: number;
  issues: Issue[];
}

export interface ReadShpOptions {
  /** The .shx bytes, to cross-check record offsets (shx.mismatch). */
  shxBytes?: Uint8Array;
  shxPath?: string;
  /** Segment pairs the self-contact sweep may examine in total (default 50 million); past it, every
   *  non-convex ring is sent to the GEOS check. */
  selfIntersectionPairBudget?: number;
}

/** Record numbers listed in an issue; the count says how many there were in all. */
export const MAX_LISTED_RECORDS = 20;

const FILE_CODE = 9994;
const HEADER_BYTES = 100;
const RECORD_HEADER_BYTES = 8;

interface Ctx {
  view: DataView;
  xs: Float64Array;
  ys: Float64Array;
  sweep: SweepScratch;
  budget: { pairs: number };
  unclosedRings: number;
  zm: boolean;
  /** Set by readPolygon when the record it just read needs the GEOS validity check. */
  needsCheck: boolean;
}

export function listParams(recordNumbers: number[]): { count: number; records: string } {
  const shown = recordNumbers.slice(0, MAX_LISTED_RECORDS).join(', ');
  return { count: recordNumbers.length, records: recordNumbers.length > MAX_LISTED_RECORDS ? `${shown} …` : shown };
}

export function readShp(bytes: Uint8Array, file: string, options: ReadShpOptions = {}): ShpResult {
  const issues: Issue[] = [];
  const bad = (reason: string): ShpResult => ({
    shapeType: -1,
    shapeTypeName: 'Unknown',
    geometryKind: 'unknown',
    bboxSource: null,
    records: [],
    recordCount: 0,
    issues: [{ code: 'shp.badHeader', severity: 'error', file, params: { reason } }],
  });
  if (bytes.length < HEADER_BYTES) return bad('short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== FILE_CODE) return bad('fileCode');
  const shapeType = view.getInt32(32, true);
  const shapeTypeName = SHAPE_TYPE_NAMES[shapeType];
  if (shapeTypeName === undefined) return bad('shapeType');
  const bboxSource: Bbox = [view.getFloat64(36, true), view.getFloat64(44, true), view.getFloat64(52, true), view.getFloat64(60, true)];
  const result: ShpResult = {
    shapeType,
    shapeTypeName,
    geometryKind: geometryKindOf(shapeType),
    bboxSource,
    records: [],
    recordCount: 0,
    issues,
  };
  if (shapeType === 31) {
    issues.push({ code: 'shp.unsupportedShapeType', severity: 'error', file, params: { shapeType: shapeTypeName } });
    return result;
  }
  const declaredBytes = view.getInt32(24, false) * 2;
  const fileBase = shapeType === 0 ? 0 : baseShapeType(shapeType);

  const ctx: Ctx = {
    view,
    xs: new Float64Array(1024),
    ys: new Float64Array(1024),
    sweep: makeSweepScratch(),
    budget: { pairs: options.selfIntersectionPairBudget ?? 50_000_000 },
    unclosedRings: 0,
    zm: hasZOrM(shapeType),
    needsCheck: false,
  };
  const badRecords: number[] = [];
  const offsets: number[] = [];
  let nullShapes = 0;
  let truncated = declaredBytes > bytes.length;
  // Bytes past the declared file length are padding or junk some writers leave: not records.
  const end = declaredBytes >= HEADER_BYTES && declaredBytes < bytes.length ? declaredBytes : bytes.length;
  let pos = HEADER_BYTES;
  let index = 0;

  while (pos < end) {
    if (pos + RECORD_HEADER_BYTES > end) {
      truncated = true;
      break;
    }
    const contentBytes = view.getInt32(pos + 4, false) * 2;
    const c = pos + RECORD_HEADER_BYTES;
    if (contentBytes < 0) {
      // A negative length cannot be skipped over: nothing after it can be located.
      badRecords.push(index + 1);
      result.recordCount = index + 1;
      truncated = true;
      break;
    }
    if (c + contentBytes > end) {
      truncated = true;
      break;
    }
    offsets.push(pos);
    const recordNumber = index + 1;
    let geometry: Geometry | null | undefined;
    if (contentBytes < 4) geometry = undefined;
    else {
      const recType = view.getInt32(c, true);
      if (recType === 0) geometry = null;
      else if (baseShapeType(recType) !== fileBase || SHAPE_TYPE_NAMES[recType] === undefined) geometry = undefined;
      else {
        if (hasZOrM(recType)) ctx.zm = true;
        ctx.needsCheck = false;
        geometry = readContent(ctx, fileBase, c, contentBytes);
      }
    }
    if (geometry === undefined) badRecords.push(recordNumber);
    else {
      if (geometry === null) nullShapes++;
      result.records.push(geometry && ctx.needsCheck ? { index, geometry, check: true } : { index, geometry });
    }
    index++;
    result.recordCount = index;
    pos = c + contentBytes;
  }

  if (ctx.zm) issues.push({ code: 'shp.zmDropped', severity: 'warning', file, params: { shapeType: shapeTypeName } });
  if (nullShapes > 0) issues.push({ code: 'shp.nullShapes', severity: 'warning', file, params: { count: nullShapes } });
  if (badRecords.length > 0) issues.push({ code: 'shp.badRecords', severity: 'warning', file, params: listParams(badRecords) });
  if (ctx.unclosedRings > 0) issues.push({ code: 'shp.unclosedRing', severity: 'warning', file, params: { count: ctx.unclosedRings } });
  if (truncated) issues.push({ code: 'shp.truncated', severity: 'warning', file, params: { count: result.recordCount } });
  if (options.shxBytes) issues.push(...checkShx(options.shxBytes, offsets, options.shxPath ?? file));
  return result;
}

/** Parses one record's content; undefined = corrupt (counts inconsistent with the content length). */
function readContent(ctx: Ctx, base: number, c: number, len: number): Geometry | null | undefined {
  const v = ctx.view;
  if (base === 1) {
    if (len < 20) return undefined;
    const x = v.getFloat64(c + 4, true);
    const y = v.getFloat64(c + 12, true);
    // Some writers store an "empty" point as NaN coordinates instead of a null shape.
    if (Number.isNaN(x) || Number.isNaN(y)) return null;
    return { type: 'Point', coordinates: [x, y] };
  }
  if (base === 8) {
    if (len < 40) return undefined;
    const n = v.getInt32(c + 36, true);
    if (n < 0 || 40 + n * 16 > len) return undefined;
    if (n === 0) return null;
    const pts: Position[] = new Array(n);
    for (let i = 0, p = c + 40; i < n; i++, p += 16) pts[i] = [v.getFloat64(p, true), v.getFloat64(p + 8, true)];
    return { type: 'MultiPoint', coordinates: pts };
  }
  // PolyLine (3) and Polygon (5): bbox @4, numParts @36, numPoints @40, parts @44, points after the parts.
  if (len < 44) return undefined;
  const numParts = v.getInt32(c + 36, true);
  const numPoints = v.getInt32(c + 40, true);
  if (numParts < 0 || numPoints < 0) return undefined;
  if (numParts === 0 || numPoints === 0) return null; // an empty shape: same as a null shape to the user
  const pointsAt = c + 44 + numParts * 4;
  if (44 + numParts * 4 + numPoints * 16 > len) return undefined;
  let prev = -1;
  for (let p = 0; p < numParts; p++) {
    const start = v.getInt32(c + 44 + p * 4, true);
    if (start < 0 || start >= numPoints || start < prev || (p === 0 && start !== 0)) return undefined;
    prev = start;
  }
  if (base === 3) return readLines(ctx, c, numParts, numPoints, pointsAt);
  return readPolygon(ctx, c, numParts, numPoints, pointsAt);
}

function partEnd(v: DataView, c: number, p: number, numParts: number, numPoints: number): number {
  return p + 1 < numParts ? v.getInt32(c + 44 + (p + 1) * 4, true) : numPoints;
}

function readLines(ctx: Ctx, c: number, numParts: number, numPoints: number, pointsAt: number): Geometry | undefined {
  const v = ctx.view;
  const lines: Position[][] = [];
  for (let p = 0; p < numParts; p++) {
    const s = v.getInt32(c + 44 + p * 4, true);
    const e = partEnd(v, c, p, numParts, numPoints);
    if (e - s < 2) continue; // a one-point "line" has no extent; GeoJSON needs two positions
    const line: Position[] = new Array(e - s);
    for (let i = s, k = 0; i < e; i++, k++) {
      const at = pointsAt + i * 16;
      line[k] = [v.getFloat64(at, true), v.getFloat64(at + 8, true)];
    }
    lines.push(line);
  }
  if (lines.length === 0) return undefined;
  if (lines.length === 1) return { type: 'LineString', coordinates: lines[0] as Position[] };
  return { type: 'MultiLineString', coordinates: lines };
}

function readPolygon(ctx: Ctx, c: number, numParts: number, numPoints: number, pointsAt: number): Geometry | undefined {
  const v = ctx.view;
  const rings: RingInput[] = [];
  let contacts = false;
  for (let p = 0; p < numParts; p++) {
    const s = v.getInt32(c + 44 + p * 4, true);
    const e = partEnd(v, c, p, numParts, numPoints);
    let n = e - s;
    if (n + 1 > ctx.xs.length) {
      ctx.xs = new Float64Array((n + 1) * 2);
      ctx.ys = new Float64Array((n + 1) * 2);
    }
    const xs = ctx.xs;
    const ys = ctx.ys;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0, at = pointsAt + s * 16; i < n; i++, at += 16) {
      const x = v.getFloat64(at, true);
      const y = v.getFloat64(at + 8, true);
      xs[i] = x;
      ys[i] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (n > 0 && (xs[0] !== xs[n - 1] || ys[0] !== ys[n - 1])) {
      xs[n] = xs[0] as number;
      ys[n] = ys[0] as number;
      n++;
      ctx.unclosedRings++;
    }
    if (n < 4) continue; // fewer than three distinct corners: no area, not a ring (GeoJSON needs ≥ 4 positions)
    const area = signedAreaFlat(xs, ys, n);
    if (!contacts && ringSelfContacts(xs, ys, n, ctx.sweep, ctx.budget)) contacts = true;
    // Written reversed: shapefile outer rings are clockwise, RFC 7946 wants them counter-clockwise (and
    // the reverse for holes). assemblePolygon flips back the rare ring that turns out mis-wound.
    const coords: Position[] = new Array(n);
    for (let i = 0, k = n - 1; i < n; i++, k--) coords[k] = [xs[i] as number, ys[i] as number];
    rings.push({ coords, areaFileOrder: area, minX, minY, maxX, maxY });
  }
  if (rings.length === 0) return undefined;
  // Several rings may cross one another (an outer ring overlapping another, a hole poking out of its
  // shell): no cheap test rules that out, so GEOS checks every multi-ring record.
  ctx.needsCheck = contacts || rings.length > 1;
  return assemblePolygon(rings);
}
