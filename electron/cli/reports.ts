/**
 * The JSON shapes `landpatrol inspect`, `overlay` and `coverage` print. Pure functions over shared/ types,
 * so they are unit-tested without touching the disk.
 */
import type { OverlayPlotResult } from '../../shared/domain/geometry/overlay';
import type { TrackCoverage } from '../../shared/domain/patrol/coverage';
import { isoUtc } from '../../shared/formats/track/time';
import { printedPlot, type PrintedFigures } from '../../shared/domain/geometry/overlay-table';
import type { AreaFigures } from '../../shared/domain/units/area';
import type { BundleDescription, FieldDef, Issue, ParsedLayer, PendingBundle } from '../../shared/formats/types';
import { crsUnknownMessage } from '../../shared/i18n/cli';
import { formatIssue } from '../../shared/i18n/issues';
import { JSON_DIGITS, roundTo } from '../../shared/domain/units/format';

export interface AreaJson {
  ellipsoidalM2: number;
  planarM2: number;
  mu: number;
}

/** Rounded by the units module for JSON (JSON_DIGITS: m² to 0.001, well below survey precision; 亩 to 1e-6). */
export function areaJson(a: { ellipsoidalM2: number; planarM2: number; mu: number }): AreaJson {
  return {
    ellipsoidalM2: roundTo(a.ellipsoidalM2, JSON_DIGITS.m2),
    planarM2: roundTo(a.planarM2, JSON_DIGITS.m2),
    mu: roundTo(a.mu, JSON_DIGITS.mu),
  };
}

const GEOMETRY_TYPE: Record<ParsedLayer['geometryKind'], string> = {
  point: 'Point',
  line: 'LineString',
  polygon: 'Polygon',
  unknown: 'Unknown',
};

export function fieldTypeName(f: FieldDef): string {
  switch (f.type) {
    case 'C':
      return 'String';
    case 'N':
    case 'F':
      return f.decimals > 0 || f.type === 'F' ? 'Real' : 'Integer';
    case 'D':
      return 'Date';
    case 'L':
      return 'Logical';
    default:
      return f.type;
  }
}

export interface IssueJson {
  code: string;
  severity: string;
  file: string;
  message: string;
  messageEn: string;
}

export const issueJson = (i: Issue): IssueJson => ({
  code: i.code,
  severity: i.severity,
  file: i.file,
  message: formatIssue(i, 'zh-CN'),
  messageEn: formatIssue(i, 'en'),
});

/** Sums the per-feature figures: ellipsoidal and planar (each in the zone its feature was measured in). */
export function layerArea(layer: ParsedLayer): AreaJson | null {
  if (layer.geometryKind !== 'polygon') return null;
  let e = 0;
  let p = 0;
  for (const f of layer.features) {
    if (!f.area) continue;
    e += f.area.ellipsoidalM2;
    p += f.area.planarM2;
  }
  return areaJson({ ellipsoidalM2: e, planarM2: p, mu: p * 0.0015 });
}

export function inspectJson(layer: ParsedLayer) {
  const zones = new Set(layer.features.map((f) => (f.area ? `${f.area.zone.width}:${f.area.zone.zone}` : '')).filter(Boolean));
  const firstZone = layer.features.find((f) => f.area)?.area?.zone;
  return {
    source: layer.source,
    name: layer.name,
    featureCount: layer.features.length,
    geometryType: GEOMETRY_TYPE[layer.geometryKind],
    shapeType: layer.shapeType,
    crs: { epsg: layer.crs.epsg, source: layer.crs.source, label: layer.crs.label, datum: layer.crs.datum },
    encoding: layer.encoding.encoding,
    encodingSource: layer.encoding.source,
    fields: layer.fields.map((f) => ({ name: f.name, type: fieldTypeName(f), length: f.length, decimals: f.decimals })),
    firstRows: layer.features.slice(0, 3).map((f) => f.properties),
    bboxLngLat: layer.bboxLngLat ? layer.bboxLngLat.map((v) => roundTo(v, JSON_DIGITS.degrees)) : null,
    area: layerArea(layer),
    // Which Gauss-Krüger zone the planar figure is in (several when geographic data spans zones).
    planarZone: zones.size === 1 && firstZone ? firstZone : zones.size > 1 ? 'mixed' : null,
    warnings: layer.issues.map(issueJson),
  };
}

/**
 * A layer whose CRS could not be decided, described as far as it can be without one (ogrinfo does the same):
 * fields, rows, encoding, geometry type, the extent in the file's own coordinates (`bboxNative`, unit unknown;
 * 6 decimals as ogrinfo prints it), `crs`, `bboxLngLat` and areas null, and a `crs.unknown` warning that says how
 * to give the CRS. The keys are those of a placed layer's, plus `bboxNative` and `crsCandidates`.
 */
export function pendingInspectJson(b: PendingBundle & { description: BundleDescription }) {
  const d = b.description;
  const reason = b.crsGuess?.reason ?? 'unknown';
  const candidates = (b.crsGuess?.candidates ?? []).map((c) => c.epsg).filter((e): e is number => e !== null);
  const crsWarning: IssueJson = {
    code: 'crs.unknown',
    severity: 'warning',
    file: b.source,
    message: crsUnknownMessage(b.source, reason, candidates, 'zh-CN'),
    messageEn: crsUnknownMessage(b.source, reason, candidates, 'en'),
  };
  return {
    source: b.source,
    name: b.name,
    featureCount: d.featureCount,
    geometryType: GEOMETRY_TYPE[d.geometryKind],
    shapeType: d.shapeType,
    crs: null,
    crsCandidates: candidates,
    encoding: d.encoding.encoding,
    encodingSource: d.encoding.source,
    fields: d.fields.map((f) => ({ name: f.name, type: fieldTypeName(f), length: f.length, decimals: f.decimals })),
    firstRows: d.firstRows,
    bboxLngLat: null,
    bboxNative: d.bboxNative ? d.bboxNative.map((v) => roundTo(v, JSON_DIGITS.metres)) : null,
    area: null,
    planarZone: null,
    warnings: [...d.issues.map(issueJson), crsWarning],
  };
}

export const zoneJson = (z: AreaFigures['zone']) => ({ width: z.width, zone: z.zone, centralMeridian: z.centralMeridian });

const figuresJson = (f: PrintedFigures): AreaJson => ({ ellipsoidalM2: f.ellipsoidalM2, planarM2: f.planarM2, mu: f.mu });

/**
 * One plot of `landpatrol overlay`: figures rounded like areaJson (JSON_DIGITS) and apportioned
 * so each layer's groups + uncovered add up to the plot's area to the last printed digit (overlay-table.ts).
 */
export function overlayPlotJson(p: OverlayPlotResult) {
  const t = printedPlot(p, { m2: JSON_DIGITS.m2, mu: JSON_DIGITS.mu });
  return {
    id: p.id,
    zone: zoneJson(p.zone),
    area: figuresJson(t.total),
    overlaps: t.layers.flatMap((b) => b.groups.map((g) => ({ layer: b.layer, group: g.group, area: figuresJson(g.area) }))),
    uncovered: figuresJson(t.uncovered),
    byLayer: t.layers.map((b) => ({ layer: b.layer, covered: figuresJson(b.covered), uncovered: figuresJson(b.remainder), complete: b.complete })),
    // Never silently left out: a feature the engine could not use is named (its record number, 1-based as GIS
    // software counts them), and `complete: false` marks every figure that depends on it.
    complete: p.complete,
    // layer null: the plot itself (reason no-geometry, or GEOS failed on it); record null with a group: a group.
    unusable: p.unusable.map((u) => ({
      layer: u.layer,
      record: u.fid >= 0 ? u.fid + 1 : null,
      ...(u.group !== undefined ? { group: u.group } : {}),
      reason: u.reason,
      message: u.message,
    })),
    // Boundaries GEOS found invalid and repaired before clipping (layer null: the plot itself).
    repaired: p.repaired.map((r) => ({ layer: r.layer, record: r.fid >= 0 ? r.fid + 1 : null })),
  };
}

/**
 * One track of `landpatrol coverage`: metres to JSON_DIGITS (1e-6 m), seconds to the millisecond, times as ISO 8601
 * UTC, and the cells it entered. `source` is the file, with "#n" (1-based) when the file holds several tracks.
 */
export function coverageTrackJson(source: string, c: TrackCoverage) {
  return {
    source,
    points: c.points,
    lengthMetres: roundTo(c.lengthMetres, JSON_DIGITS.metres),
    start: c.startMs === null ? null : isoUtc(c.startMs),
    end: c.endMs === null ? null : isoUtc(c.endMs),
    cells: c.cells.map((cell) => ({
      id: cell.id,
      name: cell.name,
      insideMetres: roundTo(cell.insideMetres, JSON_DIGITS.metres),
      insideSeconds: cell.insideSeconds === null ? null : roundTo(cell.insideSeconds, 3),
      covered: cell.covered,
    })),
  };
}
