/**
 * The task sheet (巡查任务单) as data: what the print view, the .xlsx and the GPX all show of one day's task, computed
 * once so the three cannot disagree. Figures are the engine's (README Decision 22):
 * - points: lon/lat as stored, and CGCS2000 Gauss-Krüger X (north) / Y (east, with the zone prefix, as survey tables
 *   print it) in the zone of the task's first area that has one, else the 3° zone of the first point (Domain rule 4);
 * - the planned route's length: geodesic on CGCS2000/GRS80 (GeographicLib), in km;
 * - each area's planar area in its own GK zone, 亩 = planar m² × 0.0015 (Domain rule 1), and their sum (labelled as the
 *   sum of the areas: overlapping areas are counted in each).
 */
import type { LineString } from 'geojson';
import { gkZoneForLongitude, makeLngLatToGk } from '../crs/transform';
import { featureAreas } from '../geometry/area';
import { geodesicLengthMetres } from '../geometry/length';
import type { AreaGeometry } from '../grid/area-geometry';
import { PRINT_DIGITS, roundTo, spreadsheetFormat } from '../units/format';
import { squareMetres, toMu, type GkZoneRef, type Mu, type SquareMetres } from '../units/area';
import type { XlsxCell, XlsxSheet, XlsxWorkbook } from '../../formats/xlsx/workbook';
import type { PatrolTask, TaskOfficer } from './task-record';

/** An area the task names, as the grid or the patrol areas hold it (the caller resolves the ids). */
export interface SheetAreaInput {
  id: string;
  name: string;
  /** The kind as the sheet says it (网格单元, 重点区域 …), in the user's language. */
  kindLabel: string;
  geometry: AreaGeometry | null;
  zone: GkZoneRef | null;
  /** Its responsible people, as the sheet lists them. */
  people: string;
}

export interface SheetAreaRow {
  no: number;
  id: string;
  name: string;
  kindLabel: string;
  people: string;
  /** null: the area has no boundary yet, or the id names no stored area (`missing`). */
  planarM2: SquareMetres | null;
  mu: Mu | null;
  zone: GkZoneRef | null;
  missing: boolean;
}

export interface SheetPointRow {
  no: number;
  id: string;
  name: string;
  lng: number;
  lat: number;
  /** GK northing, metres. */
  x: number;
  /** GK easting with the zone prefix, metres. */
  y: number;
  note: string;
}

export interface TaskSheet {
  date: string;
  officers: TaskOfficer[];
  areas: SheetAreaRow[];
  totalPlanarM2: SquareMetres;
  totalMu: Mu;
  /** The zone of the points' X/Y. */
  pointZone: GkZoneRef | null;
  points: SheetPointRow[];
  /** Geodesic metres of the planned route; null without one. */
  routeMetres: number | null;
  routeVertices: number;
  notes: string;
  status: PatrolTask['status'];
}

/** The route's geodesic length on GRS80, metres. */
export const routeLengthMetres = (route: LineString | null): number | null => (route ? geodesicLengthMetres(route.coordinates) : null);

export function taskSheet(task: PatrolTask, areas: readonly (SheetAreaInput | undefined)[]): TaskSheet {
  const rows: SheetAreaRow[] = task.areaIds.map((id, i) => {
    const a = areas[i];
    if (!a || a.id !== id) return { no: i + 1, id, name: id, kindLabel: '', people: '', planarM2: null, mu: null, zone: null, missing: true };
    if (!a.geometry)
      return { no: i + 1, id, name: a.name, kindLabel: a.kindLabel, people: a.people, planarM2: null, mu: null, zone: a.zone, missing: false };
    const f = featureAreas(a.geometry, { zone: a.zone ?? gkZoneForLongitudeOf(a.geometry) });
    // Printed digits (Domain rule 2): the total is the sum of the printed figures, so the table adds up.
    const planar = squareMetres(roundTo(f.planarM2, PRINT_DIGITS.m2));
    return {
      no: i + 1,
      id,
      name: a.name,
      kindLabel: a.kindLabel,
      people: a.people,
      planarM2: planar,
      mu: toMu(planar),
      zone: f.zone,
      missing: false,
    };
  });
  const total = squareMetres(
    roundTo(
      rows.reduce((s, r) => s + (r.planarM2 ?? 0), 0),
      PRINT_DIGITS.m2,
    ),
  );
  const first = task.points[0];
  const pointZone = rows.find((r) => r.zone)?.zone ?? (first ? gkZoneForLongitude(first.lngLat[0], 3) : null);
  const toGk = pointZone ? makeLngLatToGk(pointZone, true) : null;
  const points = task.points.map((p, i): SheetPointRow => {
    const gk = toGk ? toGk(p.lngLat[0], p.lngLat[1]) : { x: NaN, y: NaN };
    return { no: i + 1, id: p.id, name: p.name, lng: p.lngLat[0], lat: p.lngLat[1], x: gk.x, y: gk.y, note: p.note };
  });
  return {
    date: task.date,
    officers: task.officers,
    areas: rows,
    totalPlanarM2: total,
    totalMu: toMu(total),
    pointZone,
    points,
    routeMetres: routeLengthMetres(task.plannedRoute),
    routeVertices: task.plannedRoute?.coordinates.length ?? 0,
    notes: task.notes,
    status: task.status,
  };
}

function gkZoneForLongitudeOf(g: AreaGeometry): GkZoneRef {
  const p = (g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0]) ?? [117, 0];
  return gkZoneForLongitude(p[0] as number, 3);
}

/** The words of the workbook, in the user's language (the renderer's i18n). */
export interface TaskSheetLabels {
  title: string;
  sheetTask: string;
  sheetAreas: string;
  sheetPoints: string;
  date: string;
  officers: string;
  status: string;
  statusText: string;
  routeKm: string;
  totalArea: string;
  notes: string;
  no: string;
  name: string;
  kind: string;
  people: string;
  planarM2: string;
  mu: string;
  zone: string;
  pointId: string;
  lng: string;
  lat: string;
  x: string;
  y: string;
  note: string;
  /** "3° 带 39（中央经线 117°）" for a zone. */
  zoneText: (z: GkZoneRef) => string;
  officerText: (o: TaskOfficer) => string;
}

const num = (v: number | null, digits: number): XlsxCell => (v === null || !Number.isFinite(v) ? null : roundTo(v, digits));

/** The sheet as an .xlsx: a summary sheet, the areas and the points (numbers as numbers, with the printed digits). */
export function taskSheetWorkbook(sheet: TaskSheet, l: TaskSheetLabels, created: Date): XlsxWorkbook {
  const summary: XlsxSheet = {
    name: l.sheetTask,
    columns: [{ header: l.title }, { header: '' }],
    rows: [
      [l.date, sheet.date],
      [l.officers, sheet.officers.map(l.officerText).join('、')],
      [l.status, l.statusText],
      [l.routeKm, sheet.routeMetres === null ? null : roundTo(sheet.routeMetres / 1000, 3)],
      [l.totalArea, roundTo(sheet.totalMu, PRINT_DIGITS.mu)],
      [l.zone, sheet.pointZone ? l.zoneText(sheet.pointZone) : ''],
      [l.notes, sheet.notes],
    ],
    frozenColumns: 1,
  };
  const areas: XlsxSheet = {
    name: l.sheetAreas,
    columns: [
      { header: l.no },
      { header: l.name },
      { header: l.kind },
      { header: l.people },
      { header: l.planarM2, numFmt: spreadsheetFormat(PRINT_DIGITS.m2) },
      { header: l.mu, numFmt: spreadsheetFormat(PRINT_DIGITS.mu) },
      { header: l.zone },
    ],
    rows: sheet.areas.map((a) => [
      a.no,
      a.name,
      a.kindLabel,
      a.people,
      num(a.planarM2, PRINT_DIGITS.m2),
      num(a.mu, PRINT_DIGITS.mu),
      a.zone ? l.zoneText(a.zone) : '',
    ]),
    frozenColumns: 2,
  };
  areas.rows.push([null, l.totalArea, null, null, num(sheet.totalPlanarM2, PRINT_DIGITS.m2), num(sheet.totalMu, PRINT_DIGITS.mu), null]);
  const points: XlsxSheet = {
    name: l.sheetPoints,
    columns: [
      { header: l.no },
      { header: l.pointId },
      { header: l.name },
      { header: l.lng, numFmt: spreadsheetFormat(PRINT_DIGITS.degrees) },
      { header: l.lat, numFmt: spreadsheetFormat(PRINT_DIGITS.degrees) },
      { header: l.x, numFmt: spreadsheetFormat(PRINT_DIGITS.metres) },
      { header: l.y, numFmt: spreadsheetFormat(PRINT_DIGITS.metres) },
      { header: l.note },
    ],
    rows: sheet.points.map((p) => [
      p.no,
      p.id,
      p.name,
      num(p.lng, PRINT_DIGITS.degrees),
      num(p.lat, PRINT_DIGITS.degrees),
      num(p.x, PRINT_DIGITS.metres),
      num(p.y, PRINT_DIGITS.metres),
      p.note,
    ]),
    frozenColumns: 2,
  };
  return { sheets: [summary, areas, points], creator: 'LandPatrol', created };
}
