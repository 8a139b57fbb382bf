/**
 * The tasks feature's pure rules: patrol-area and task drafts (what the forms edit) and their checks, what the map draws
 * (areas by kind with names, key-area hatching, the task's points and route), the choices the task form offers
 * (officers, areas), the sheet's inputs, and what compliance reads of the patrol areas. No React, no map, no database.
 */
import type { Feature, FeatureCollection, Geometry, LineString, Position } from 'geojson';
import type { LayerFeature } from '../../../shared/formats/types';
import { featureAreas, polygonsOf } from '../../../shared/domain/geometry/area';
import { geometriesBbox, type Bbox } from '../../../shared/domain/geometry/bbox';
import type { AreaPerson, GridArea, KeyAreaKind } from '../../../shared/domain/grid/area-record';
import { defaultZoneOf, type AreaGeometry } from '../../../shared/domain/grid/area-geometry';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import type { ComplianceArea } from '../../../shared/domain/patrol/compliance';
import type { NewPatrolArea, PatrolArea, PatrolAreaKind, PatrolAreaPatch } from '../../../shared/domain/patrol/patrol-area-record';
import type { PatrolTask, TaskOfficer, TaskPatch, TaskPoint, TaskStatus } from '../../../shared/domain/patrol/task-record';
import { taskSheet, type SheetAreaInput, type TaskSheet } from '../../../shared/domain/patrol/task-sheet';
import type { Mu } from '../../../shared/domain/units/area';
import type { LayerPoint } from './tasks.protocol';

/** Who an edit's history names until the office's users are set up (no sign-in in the workstation yet). */
export const TASKS_EDITOR = '本机用户';

/** The map's colours per kind (key areas orange and hatched, corridors blue, stop-notice sites red). */
export const KIND_COLOURS: Record<PatrolAreaKind, string> = {
  keyArea: '#e67e22',
  corridor: '#1e6fd9',
  stopNoticeSite: '#d91e18',
  other: '#16a085',
};

// ---------------------------------------------------------------------------------------------------------------
// Area drafts

export interface PersonDraft {
  name: string;
  certNo: string;
  phone: string;
}

/** What the area form edits; `id` null for a new area. Geometry comes from the map tools (and the worker's buffer). */
export interface AreaDraft {
  id: string | null;
  kind: PatrolAreaKind;
  name: string;
  keyAreaKind: KeyAreaKind;
  /** The drawn boundary (a key area, a polygon site, another area) or the buffered one (a corridor, a circle site). */
  geometry: AreaGeometry | null;
  /** A corridor's drawn centre line, and its full width in metres. */
  centreLine: LineString | null;
  widthMetres: number | null;
  /** How a stop-notice site is given: its drawn boundary, or a point and a radius. */
  siteMode: 'polygon' | 'circle';
  siteCentre: [number, number] | null;
  radiusMetres: number | null;
  noticeNo: string;
  noticeDate: string | null;
  closedDate: string | null;
  people: PersonDraft[];
  ruleIds: string[];
  notes: string;
}

export const emptyAreaDraft = (kind: PatrolAreaKind): AreaDraft => ({
  id: null,
  kind,
  name: '',
  keyAreaKind: '工业集中区',
  geometry: null,
  centreLine: null,
  widthMetres: kind === 'corridor' ? 100 : null,
  siteMode: 'polygon',
  siteCentre: null,
  radiusMetres: 50,
  noticeNo: '',
  noticeDate: null,
  closedDate: null,
  people: [],
  ruleIds: [],
  notes: '',
});

export function draftOfArea(a: PatrolArea): AreaDraft {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    keyAreaKind: a.keyAreaKind ?? '工业集中区',
    geometry: a.geometry,
    centreLine: a.corridor?.centreLine ?? null,
    widthMetres: a.corridor?.widthMetres ?? null,
    siteMode: a.site ? 'circle' : 'polygon',
    siteCentre: a.site?.centre ?? null,
    radiusMetres: a.site?.radiusMetres ?? 50,
    noticeNo: a.stopNotice?.noticeNo ?? '',
    noticeDate: a.stopNotice?.noticeDate ?? null,
    closedDate: a.stopNotice?.closedDate ?? null,
    people: a.people.map((p) => ({ name: p.name, certNo: p.lawEnforcementCertNo, phone: p.phone })),
    ruleIds: [...a.ruleIds],
    notes: a.notes,
  };
}

/** Why a draft cannot be saved yet, as an i18n key suffix (tasks.problem.*), or null. */
export type AreaDraftProblem = 'name' | 'geometry' | 'line' | 'width' | 'centre' | 'radius' | 'noticeDate' | 'closedDate';

/** What the draft still needs before it can be saved; a corridor or circle site needs its buffer too (`geometry`). */
export function areaDraftProblem(d: AreaDraft): AreaDraftProblem | null {
  if (d.name.trim() === '') return 'name';
  if (d.kind === 'corridor') {
    if (!d.centreLine) return 'line';
    if (d.widthMetres === null || !(d.widthMetres > 0) || d.widthMetres > 20_000) return 'width';
  }
  if (d.kind === 'stopNoticeSite') {
    if (!d.noticeDate) return 'noticeDate';
    if (d.closedDate && d.closedDate < d.noticeDate) return 'closedDate';
    if (d.siteMode === 'circle') {
      if (!d.siteCentre) return 'centre';
      if (d.radiusMetres === null || !(d.radiusMetres > 0) || d.radiusMetres > 10_000) return 'radius';
    }
  }
  if (!d.geometry) return 'geometry';
  return null;
}

/** Whether the draft's boundary is the engine's buffer (a corridor, a site given by a point and a radius). */
export const isBuffered = (d: AreaDraft): boolean => d.kind === 'corridor' || (d.kind === 'stopNoticeSite' && d.siteMode === 'circle');

const peopleOf = (d: AreaDraft): AreaPerson[] =>
  d.people
    .map((p) => ({ name: p.name.trim(), role: '负责人', lawEnforcementCertNo: p.certNo.trim(), phone: p.phone.trim() }))
    .filter((p) => p.name !== '');

/** The fields of a draft as the record holds them (the draft must have no problem: areaDraftProblem). */
function fieldsOf(d: AreaDraft, geometry: AreaGeometry): Omit<NewPatrolArea, 'id' | 'kind'> {
  return {
    name: d.name.trim(),
    geometry,
    keyAreaKind: d.kind === 'keyArea' ? d.keyAreaKind : null,
    corridor: d.kind === 'corridor' && d.centreLine && d.widthMetres ? { centreLine: d.centreLine, widthMetres: d.widthMetres } : null,
    site:
      d.kind === 'stopNoticeSite' && d.siteMode === 'circle' && d.siteCentre && d.radiusMetres
        ? { centre: d.siteCentre, radiusMetres: d.radiusMetres }
        : null,
    stopNotice:
      d.kind === 'stopNoticeSite' && d.noticeDate
        ? { noticeNo: d.noticeNo.trim(), noticeDate: d.noticeDate as DateKey, closedDate: (d.closedDate || null) as DateKey | null }
        : null,
    people: peopleOf(d),
    ruleIds: [...new Set(d.ruleIds)] as PatrolArea['ruleIds'],
    notes: d.notes,
    zone: defaultZoneOf(geometry),
  };
}

export const newAreaOf = (d: AreaDraft, id: string, geometry: AreaGeometry): NewPatrolArea => ({ id, kind: d.kind, ...fieldsOf(d, geometry) });

/** The patch an edit makes (the kind stays; the zone follows the boundary only when the boundary changed). */
export function areaPatchOf(old: PatrolArea, d: AreaDraft, geometry: AreaGeometry): PatrolAreaPatch {
  const f = fieldsOf(d, geometry);
  return {
    name: f.name,
    keyAreaKind: f.keyAreaKind ?? null,
    geometry,
    zone: geometry === old.geometry ? old.zone : f.zone!,
    corridor: f.corridor ?? null,
    site: f.site ?? null,
    people: f.people!,
    ruleIds: f.ruleIds as PatrolArea['ruleIds'],
    stopNotice: f.stopNotice ?? null,
    notes: f.notes!,
  };
}

/** The planar area of a boundary in its zone, in 亩 (the engine's figure, README Decision 22). */
export const areaMuOf = (g: AreaGeometry | null, zone = g ? defaultZoneOf(g) : null): Mu | null => (g && zone ? featureAreas(g, { zone }).mu : null);

/** What compliance judges: the patrol areas that are not deleted, with their rules and (for a site) its notice days. */
export function patrolComplianceAreas(areas: readonly PatrolArea[]): ComplianceArea[] {
  return areas
    .filter((a) => a.deletedAt === null)
    .map((a) => ({
      id: a.id,
      ruleIds: a.ruleIds,
      ...(a.stopNotice ? { stopNotice: { noticeDate: a.stopNotice.noticeDate, closedDate: a.stopNotice.closedDate } } : {}),
    }));
}

export const PATROL_AREA_KIND_ORDER: readonly PatrolAreaKind[] = ['keyArea', 'corridor', 'stopNoticeSite', 'other'];

/** The areas shown in the list, grouped by kind in that order, names sorted within a kind. */
export function areaGroups(areas: readonly PatrolArea[]): { kind: PatrolAreaKind; areas: PatrolArea[] }[] {
  const live = areas.filter((a) => a.deletedAt === null);
  return PATROL_AREA_KIND_ORDER.map((kind) => ({
    kind,
    areas: live.filter((a) => a.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// The map

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', geometry, properties });

/** A point inside a polygon's largest part where its name goes: the area-weighted centroid of that part's outer ring. */
export function labelPointOf(g: AreaGeometry): [number, number] {
  let best: Position[] | null = null;
  let bestArea = -1;
  for (const poly of polygonsOf(g)) {
    const ring = poly[0] ?? [];
    const a = Math.abs(shoelace(ring));
    if (a > bestArea) {
      bestArea = a;
      best = ring;
    }
  }
  return ringCentroid(best ?? []);
}

function shoelace(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2;
}

function ringCentroid(ring: readonly Position[]): [number, number] {
  if (ring.length === 0) return [0, 0];
  // Relative to the first vertex, so degrees keep their digits.
  const [x0, y0] = [ring[0]![0]!, ring[0]![1]!];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = [ring[i]![0]! - x0, ring[i]![1]! - y0];
    const [x2, y2] = [ring[i + 1]![0]! - x0, ring[i + 1]![1]! - y0];
    const c = x1 * y2 - x2 * y1;
    a += c;
    cx += (x1 + x2) * c;
    cy += (y1 + y2) * c;
  }
  if (Math.abs(a) < 1e-18) {
    const n = ring.length;
    return [ring.reduce((s, p) => s + p[0]!, 0) / n, ring.reduce((s, p) => s + p[1]!, 0) / n];
  }
  return [x0 + cx / (3 * a), y0 + cy / (3 * a)];
}

export interface AreaMapData {
  byKind: Record<PatrolAreaKind, FeatureCollection>;
  centreLines: FeatureCollection;
  labels: FeatureCollection;
}

/** What the map draws of the patrol areas (deleted ones left out); `selectedId` is drawn again, highlighted. */
export function areaMapData(areas: readonly PatrolArea[]): AreaMapData {
  const live = areas.filter((a) => a.deletedAt === null);
  const byKind = Object.fromEntries(
    PATROL_AREA_KIND_ORDER.map((kind) => [
      kind,
      { type: 'FeatureCollection', features: live.filter((a) => a.kind === kind).map((a) => feature(a.geometry, { id: a.id, name: a.name })) },
    ]),
  ) as Record<PatrolAreaKind, FeatureCollection>;
  return {
    byKind,
    centreLines: {
      type: 'FeatureCollection',
      features: live.flatMap((a) => (a.corridor ? [feature(a.corridor.centreLine, { id: a.id })] : [])),
    },
    labels: {
      type: 'FeatureCollection',
      features: live.map((a) => feature({ type: 'Point', coordinates: labelPointOf(a.geometry) }, { name: a.name, kind: a.kind })),
    },
  };
}

/** What is being drawn or edited in a form, for the map: the draft's boundary and line. */
export function draftMapData(d: AreaDraft | null): FeatureCollection {
  if (!d) return EMPTY;
  const features: Feature[] = [];
  if (d.geometry) features.push(feature(d.geometry, {}));
  if (d.centreLine) features.push(feature(d.centreLine, {}));
  if (d.siteCentre && d.siteMode === 'circle') features.push(feature({ type: 'Point', coordinates: d.siteCentre }, {}));
  return { type: 'FeatureCollection', features };
}

/** The task's points (labelled P1 …) and its planned route. */
export function taskMapData(d: TaskDraft | null): { points: FeatureCollection; route: FeatureCollection } {
  if (!d) return { points: EMPTY, route: EMPTY };
  return {
    points: {
      type: 'FeatureCollection',
      features: d.points.map((p) => feature({ type: 'Point', coordinates: p.lngLat }, { label: p.name ? `${p.id} ${p.name}` : p.id })),
    },
    route: { type: 'FeatureCollection', features: d.plannedRoute ? [feature(d.plannedRoute, {})] : [] },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Points from a patch layer

const LABEL_FIELDS = ['JCBH', 'TBBH', 'BSM', 'YJJBNTTBBH', 'XMMC', 'NAME', 'MC'];

/** A feature's label: its monitoring number (JCBH) or plot number, else its first non-empty text, else '#fid'. */
export function featureLabel(props: Record<string, unknown>, fid: number): string {
  const keys = Object.keys(props);
  for (const f of LABEL_FIELDS) {
    const k = keys.find((x) => x.toUpperCase() === f);
    const v = k === undefined ? undefined : props[k];
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  for (const k of keys) {
    const v = props[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return `#${fid}`;
}

/** Where to go for a feature: a polygon's label point, a line's middle vertex, the point itself. */
export function visitPointOf(g: Geometry | null): [number, number] | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return [g.coordinates[0]!, g.coordinates[1]!];
    case 'MultiPoint':
      return g.coordinates[0] ? [g.coordinates[0][0]!, g.coordinates[0][1]!] : null;
    case 'LineString': {
      const p = g.coordinates[Math.floor(g.coordinates.length / 2)];
      return p ? [p[0]!, p[1]!] : null;
    }
    case 'MultiLineString':
      return visitPointOf(g.coordinates[0] ? { type: 'LineString', coordinates: g.coordinates[0] } : null);
    case 'Polygon':
    case 'MultiPolygon':
      return labelPointOf(g);
    default:
      return null;
  }
}

export function layerPointsOf(features: readonly LayerFeature[]): LayerPoint[] {
  const out: LayerPoint[] = [];
  for (const f of features) {
    const at = visitPointOf(f.geometry);
    if (at) out.push({ fid: f.fid, label: featureLabel(f.properties, f.fid), lngLat: at });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Task drafts

export interface TaskDraft {
  id: string | null;
  date: DateKey;
  officers: TaskOfficer[];
  areaIds: string[];
  points: TaskPoint[];
  plannedRoute: LineString | null;
  notes: string;
  status: TaskStatus;
}

export const emptyTaskDraft = (date: DateKey): TaskDraft => ({
  id: null,
  date,
  officers: [],
  areaIds: [],
  points: [],
  plannedRoute: null,
  notes: '',
  status: 'planned',
});

export const draftOfTask = (t: PatrolTask): TaskDraft => ({
  id: t.id,
  date: t.date,
  officers: t.officers.map((o) => ({ ...o })),
  areaIds: [...t.areaIds],
  points: t.points.map((p) => ({ ...p })),
  plannedRoute: t.plannedRoute,
  notes: t.notes,
  status: t.status,
});

/** The draft as the record's fields: officers without a name dropped, names trimmed. */
export function taskPatchOf(d: TaskDraft): Required<TaskPatch> {
  return {
    date: d.date,
    officers: d.officers.map((o) => ({ name: o.name.trim(), certNo: o.certNo.trim() })).filter((o) => o.name !== ''),
    areaIds: [...new Set(d.areaIds)],
    points: d.points.map((p) => ({ ...p, name: p.name.trim(), note: p.note })),
    plannedRoute: d.plannedRoute,
    notes: d.notes,
    status: d.status,
  };
}

/** People the office may send, from the grid's and the patrol areas' responsible people, once each (by name + 证号). */
export function officerCandidates(grid: readonly GridArea[], areas: readonly PatrolArea[]): TaskOfficer[] {
  const seen = new Map<string, TaskOfficer>();
  for (const a of [...grid, ...areas.filter((x) => x.deletedAt === null)])
    for (const p of a.people) {
      const key = `${p.name}\u0000${p.lawEnforcementCertNo}`;
      if (!seen.has(key)) seen.set(key, { name: p.name, certNo: p.lawEnforcementCertNo });
    }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** An area a task can name: a grid area below the county, or a patrol area that is not deleted. */
export interface AreaChoice {
  id: string;
  name: string;
  source: 'grid' | 'patrol';
  /** The grid level or the patrol area's kind (the form says it through i18n). */
  kind: string;
  geometry: AreaGeometry | null;
  zone: SheetAreaInput['zone'];
  people: string;
}

export function areaChoices(grid: readonly GridArea[], areas: readonly PatrolArea[]): AreaChoice[] {
  const people = (ps: readonly AreaPerson[]) => ps.map((p) => p.name).join('、');
  return [
    ...areas
      .filter((a) => a.deletedAt === null)
      .map((a): AreaChoice => ({
        id: a.id,
        name: a.name,
        source: 'patrol',
        kind: a.kind,
        geometry: a.geometry,
        zone: a.zone,
        people: people(a.people),
      })),
    ...grid
      .filter((a) => a.level !== 'county')
      .map((a): AreaChoice => ({
        id: a.id,
        name: a.name,
        source: 'grid',
        kind: a.level,
        geometry: a.geometry,
        zone: a.zone,
        people: people(a.people),
      })),
  ];
}

/** The task sheet of a draft, its areas resolved among the choices (a deleted patrol area still resolves by the full list). */
export function sheetOf(d: TaskDraft, choices: readonly AreaChoice[], kindLabel: (c: AreaChoice) => string): TaskSheet {
  const byId = new Map(choices.map((c) => [c.id, c]));
  const task: PatrolTask = {
    v: 1,
    id: (d.id ?? 'draft') as PatrolTask['id'],
    ...taskPatchOf(d),
    history: [],
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
  };
  return taskSheet(
    task,
    task.areaIds.map((id) => {
      const c = byId.get(id);
      return c ? { id: c.id, name: c.name, kindLabel: kindLabel(c), geometry: c.geometry, zone: c.zone, people: c.people } : undefined;
    }),
  );
}

/** The box the task's sheet map shows: its areas, points and route. */
export function taskBbox(d: TaskDraft, choices: readonly AreaChoice[]): Bbox | null {
  const byId = new Map(choices.map((c) => [c.id, c]));
  const geoms: (Geometry | null)[] = [
    ...d.areaIds.map((id) => byId.get(id)?.geometry ?? null),
    ...d.points.map((p): Geometry => ({ type: 'Point', coordinates: p.lngLat })),
    d.plannedRoute,
  ];
  return geometriesBbox(geoms);
}
