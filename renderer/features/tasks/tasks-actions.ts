/**
 * What the tasks feature does, outside React (the panel's buttons, the map's context menu and the tools call these):
 * drawing into the drafts with the map tools, buffering corridors and circle sites in the worker, saving through the
 * repositories (one transaction per action), and the task sheet's print view and files.
 */
import type { LineString, Point, Polygon } from 'geojson';
import type { AreaGeometry } from '../../../shared/domain/grid/area-geometry';
import { geometriesBbox } from '../../../shared/domain/geometry/bbox';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { newPatrolAreaId } from '../../../shared/domain/patrol/patrol-area-record';
import { nextPointId, newTaskId, type TaskPointSource } from '../../../shared/domain/patrol/task-record';
import { taskSheetWorkbook, type TaskSheet, type TaskSheetLabels } from '../../../shared/domain/patrol/task-sheet';
import { gkZoneForLongitude } from '../../../shared/domain/crs/transform';
import { writeGpx } from '../../../shared/formats/gpx/write-gpx';
import { XLSX_MIME } from '../../../shared/formats/xlsx/workbook';
import { toSafeFileName } from '../../../shared/validation/file-name';
import {
  addPatrolArea,
  addTask,
  amendStoredPatrolArea,
  amendStoredTask,
  closeStoredStopNotice,
  deleteStoredPatrolArea,
  deleteStoredTask,
  getPatrolArea,
} from '../../db';
import type { Translate } from '../../i18n';
import type { MapHandle, MapTool, ToolMode } from '../../map';
import { electronApi, saveBytes } from '../../platform/platform';
import { writeXlsxInWorker } from '../../platform/xlsx-client';
import type { Workbench } from '../../ui/workbench';
import { areaPatchOf, isBuffered, newAreaOf, sheetOf, taskBbox, taskPatchOf, TASKS_EDITOR, type AreaChoice, type TaskDraft } from './tasks.logic';
import { patchAreaDraft, patchTaskDraft, patrolAreaState, reloadPatrolAreas, reloadTasks, tasksState, tasksWorker } from './tasks-state';

export const TOOL_IDS = {
  areaPolygon: 'tasks.drawArea',
  corridorLine: 'tasks.drawCorridor',
  siteCentre: 'tasks.placeSite',
  taskPoints: 'tasks.pickPoints',
  taskRoute: 'tasks.drawRoute',
} as const;
export const TOOL_KEY = 'tasks.tool';

/** Runs a drawing tool; a one-shape tool ends itself after its shape (the draft's layer shows it), the point picker stays. */
function runTool<M extends ToolMode>(
  wb: Workbench,
  id: string,
  mode: M,
  once: boolean,
  done: (g: Parameters<NonNullable<MapTool<M>['onFinish']>>[0]) => void,
): void {
  wb.map.whenReady((map: MapHandle) => {
    const tool: MapTool<M> = {
      id,
      mode,
      onFinish: (g) => {
        done(g);
        if (once) setTimeout(() => map.activeTool() === id && map.setTool(null), 0);
      },
      onCancel: () => {
        if (wb.keys.get()[TOOL_KEY] === id) wb.setKey(TOOL_KEY, null);
      },
    };
    map.setTool(tool as MapTool);
    wb.setKey(TOOL_KEY, id);
  });
}

export function stopTool(wb: Workbench): void {
  wb.map.current()?.setTool(null);
  wb.setKey(TOOL_KEY, null);
}

// ---------------------------------------------------------------------------------------------------------------
// Patrol areas

export type BufferOutcome = 'ok' | 'tooShort' | 'badWidth' | 'empty' | 'missing';

/** Buffers the draft's corridor line or site centre in the worker (the zone of its first vertex) into its geometry. */
export async function rebuffer(): Promise<BufferOutcome> {
  const d = tasksState.get().areaDraft;
  if (!d || !isBuffered(d)) return 'ok';
  let r;
  if (d.kind === 'corridor') {
    if (!d.centreLine || d.widthMetres === null) return 'missing';
    const first = d.centreLine.coordinates[0]!;
    r = await tasksWorker.request('corridor', { line: d.centreLine, widthMetres: d.widthMetres, zone: gkZoneForLongitude(first[0]!, 3) });
  } else {
    if (!d.siteCentre || d.radiusMetres === null) return 'missing';
    r = await tasksWorker.request('site', { centre: d.siteCentre, radiusMetres: d.radiusMetres, zone: gkZoneForLongitude(d.siteCentre[0], 3) });
  }
  if (typeof r === 'string') {
    patchAreaDraft({ geometry: null });
    return r;
  }
  // Only if the draft is still the one that was buffered (the user may have drawn again meanwhile).
  const now = tasksState.get().areaDraft;
  if (
    now &&
    now.centreLine === d.centreLine &&
    now.widthMetres === d.widthMetres &&
    now.siteCentre === d.siteCentre &&
    now.radiusMetres === d.radiusMetres
  )
    patchAreaDraft({ geometry: r.geometry });
  return 'ok';
}

export function drawAreaShape(wb: Workbench, onBuffered: (o: BufferOutcome) => void): void {
  const d = tasksState.get().areaDraft;
  if (!d) return;
  if (d.kind === 'corridor')
    runTool(wb, TOOL_IDS.corridorLine, 'linestring', true, (g) => {
      patchAreaDraft({ centreLine: g as LineString, geometry: null });
      void rebuffer().then(onBuffered, () => onBuffered('empty'));
    });
  else if (d.kind === 'stopNoticeSite' && d.siteMode === 'circle')
    runTool(wb, TOOL_IDS.siteCentre, 'point', true, (g) => {
      const c = (g as Point).coordinates;
      patchAreaDraft({ siteCentre: [c[0]!, c[1]!], geometry: null });
      void rebuffer().then(onBuffered, () => onBuffered('empty'));
    });
  else runTool(wb, TOOL_IDS.areaPolygon, 'polygon', true, (g) => patchAreaDraft({ geometry: g as Polygon }));
}

export type SaveAreaResult = { ok: true } | { ok: false; reason: string };

/** Stores the draft: a new area, or an edit of the stored one (its history appended). */
export async function saveAreaDraft(): Promise<SaveAreaResult> {
  const d = tasksState.get().areaDraft;
  if (!d?.geometry) return { ok: false, reason: 'geometry' };
  const geometry: AreaGeometry = d.geometry;
  const at = Date.now();
  let r;
  if (d.id === null) {
    r = await addPatrolArea(newAreaOf(d, newPatrolAreaId(at), geometry), TASKS_EDITOR, at);
  } else {
    const old = await getPatrolArea(d.id);
    if (!old) return { ok: false, reason: 'notFound' };
    r = await amendStoredPatrolArea(d.id, areaPatchOf(old, d, geometry), TASKS_EDITOR, at);
  }
  if (!r.ok) return { ok: false, reason: r.reason };
  await reloadPatrolAreas();
  tasksState.set((s) => ({ ...s, areaDraft: null, selectedAreaId: r.value.id }));
  return { ok: true };
}

export async function closeSite(id: string, day: DateKey): Promise<SaveAreaResult> {
  const r = await closeStoredStopNotice(id, day, TASKS_EDITOR, Date.now());
  if (!r.ok) return { ok: false, reason: r.reason };
  await reloadPatrolAreas();
  return { ok: true };
}

export async function deleteArea(id: string): Promise<SaveAreaResult> {
  const r = await deleteStoredPatrolArea(id, TASKS_EDITOR, Date.now());
  if (!r.ok) return { ok: false, reason: r.reason };
  await reloadPatrolAreas();
  tasksState.set((s) => ({ ...s, selectedAreaId: null }));
  return { ok: true };
}

/** Shows an area on the map. */
export function fitGeometry(wb: Workbench, g: AreaGeometry): void {
  const box = geometriesBbox([g]);
  if (box) wb.map.current()?.fit(box, { maxZoom: 17 });
}

// ---------------------------------------------------------------------------------------------------------------
// The day's task

/** Adds a point to the task being edited (a click of the point tool, or the map's context menu on a feature). */
export function addTaskPoint(lngLat: [number, number], name: string, source: TaskPointSource | null): boolean {
  const d = tasksState.get().taskDraft;
  if (!d) return false;
  patchTaskDraft({ points: [...d.points, { id: nextPointId(d.points), name, lngLat, note: '', source }] });
  return true;
}

export function pickTaskPoints(wb: Workbench): void {
  runTool(wb, TOOL_IDS.taskPoints, 'point', false, (g) => {
    const c = (g as Point).coordinates;
    addTaskPoint([c[0]!, c[1]!], '', null);
  });
}

export function drawTaskRoute(wb: Workbench): void {
  runTool(wb, TOOL_IDS.taskRoute, 'linestring', true, (g) => patchTaskDraft({ plannedRoute: g as LineString }));
}

export type SaveTaskResult = { ok: true; id: string } | { ok: false; reason: string };

export async function saveTaskDraft(): Promise<SaveTaskResult> {
  const d = tasksState.get().taskDraft;
  if (!d) return { ok: false, reason: 'notFound' };
  const at = Date.now();
  const fields = taskPatchOf(d);
  const r = d.id === null ? await addTask({ id: newTaskId(at), ...fields }, TASKS_EDITOR, at) : await amendStoredTask(d.id, fields, TASKS_EDITOR, at);
  if (!r.ok) return { ok: false, reason: r.reason };
  await reloadTasks();
  tasksState.set((s) => ({ ...s, taskDraft: s.taskDraft ? { ...s.taskDraft, id: r.value.id } : null, day: r.value.date }));
  return { ok: true, id: r.value.id };
}

export async function deleteTaskOf(id: string): Promise<SaveTaskResult> {
  const r = await deleteStoredTask(id, TASKS_EDITOR, Date.now());
  if (!r.ok) return { ok: false, reason: r.reason };
  await reloadTasks();
  tasksState.set((s) => ({ ...s, taskDraft: null }));
  return { ok: true, id };
}

/** Waits (at most `ms`) until the map has drawn everything it was given: the sheet's picture must not be half-loaded. */
async function mapIdle(ms = 6000): Promise<void> {
  const start = Date.now();
  await new Promise((r) => setTimeout(r, 150));
  while (Date.now() - start < ms) {
    if (document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state') === 'idle') return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the print view of the draft: the map is fitted to the task and photographed for the sheet. */
export async function openSheet(wb: Workbench, choices: readonly AreaChoice[]): Promise<void> {
  const d = tasksState.get().taskDraft;
  if (!d) return;
  const old = tasksState.get().sheet?.mapUrl;
  if (old) URL.revokeObjectURL(old);
  tasksState.set((s) => ({ ...s, sheet: { draft: d, mapUrl: null } }));
  const map = wb.map.current();
  const box = taskBbox(d, choices);
  if (!map) return;
  if (box) map.fit(box, { animate: false, maxZoom: 17, padding: 30 });
  await mapIdle();
  try {
    const url = URL.createObjectURL(await map.screenshot());
    tasksState.set((s) => (s.sheet && s.sheet.draft === d ? { ...s, sheet: { ...s.sheet, mapUrl: url } } : s));
  } catch {
    // No picture: the sheet prints without one (its tables carry the task).
  }
}

export function closeSheet(): void {
  const url = tasksState.get().sheet?.mapUrl;
  if (url) URL.revokeObjectURL(url);
  tasksState.set((s) => ({ ...s, sheet: null }));
}

export const sheetFileName = (t: Translate, d: TaskDraft, ext: string) => toSafeFileName(`${t('tasks.sheet.title')}-${d.date}.${ext}`);

/** Prints the sheet: Electron's printToPDF (saved where the user says), else the browser's print dialog. */
export async function printSheet(t: Translate, d: TaskDraft): Promise<boolean> {
  const api = electronApi();
  if (!api) {
    window.print();
    return true;
  }
  const bytes = await api.printToPdf({ pageSize: { widthMm: 210, heightMm: 297 }, landscape: false, printBackground: true });
  return saveBytes(sheetFileName(t, d, 'pdf'), bytes, 'application/pdf', 'PDF', 'pdf');
}

export function sheetLabels(t: Translate, sheet: TaskSheet): TaskSheetLabels {
  return {
    title: t('tasks.sheet.title'),
    sheetTask: t('tasks.xlsx.sheetTask'),
    sheetAreas: t('tasks.xlsx.sheetAreas'),
    sheetPoints: t('tasks.xlsx.sheetPoints'),
    date: t('tasks.sheet.date'),
    officers: t('tasks.sheet.officers'),
    status: t('tasks.sheet.status'),
    statusText: t(sheet.status === 'done' ? 'tasks.status.done' : 'tasks.status.planned'),
    routeKm: t('tasks.sheet.routeKm'),
    totalArea: t('tasks.sheet.totalMu'),
    notes: t('tasks.sheet.notes'),
    no: t('tasks.sheet.no'),
    name: t('tasks.sheet.name'),
    kind: t('tasks.sheet.kind'),
    people: t('tasks.sheet.people'),
    planarM2: t('tasks.sheet.planarM2'),
    mu: t('tasks.sheet.mu'),
    zone: t('tasks.sheet.zone'),
    pointId: t('tasks.sheet.pointId'),
    lng: t('tasks.sheet.lng'),
    lat: t('tasks.sheet.lat'),
    x: t('tasks.sheet.x'),
    y: t('tasks.sheet.y'),
    note: t('tasks.sheet.note'),
    zoneText: (z) => t('tasks.zone', { width: z.width, zone: z.zone, cm: z.centralMeridian }),
    officerText: (o) => (o.certNo ? t('tasks.officerWithCert', { name: o.name, cert: o.certNo }) : o.name),
  };
}

export async function exportXlsx(t: Translate, d: TaskDraft, choices: readonly AreaChoice[], kindLabel: (c: AreaChoice) => string): Promise<boolean> {
  const sheet = sheetOf(d, choices, kindLabel);
  const bytes = await writeXlsxInWorker(taskSheetWorkbook(sheet, sheetLabels(t, sheet), new Date()));
  return saveBytes(sheetFileName(t, d, 'xlsx'), bytes, XLSX_MIME, 'Excel', 'xlsx');
}

export async function exportGpx(t: Translate, d: TaskDraft): Promise<boolean> {
  const bytes = writeGpx({
    name: `${t('tasks.sheet.title')} ${d.date}`,
    timeMs: Date.now(),
    waypoints: d.points.map((p) => ({ name: p.name ? `${p.id} ${p.name}` : p.id, lngLat: p.lngLat, description: p.note })),
    route: d.plannedRoute ? { name: t('tasks.route'), points: d.plannedRoute.coordinates.map((c) => [c[0]!, c[1]!] as [number, number]) } : null,
  });
  return saveBytes(sheetFileName(t, d, 'gpx'), bytes, 'application/gpx+xml', 'GPX', 'gpx');
}

/** The patrol areas as stored now (for code that runs outside React). */
export const storedAreas = () => patrolAreaState.get().areas;
