/**
 * The open patrol form (巡查记录表) outside React: the draft, the route's coverage, the thresholds and the officer's
 * ticks, the datum question of an imported KML, and the running worker request. The ledger panel, the form panel,
 * the map layers and the legend all read this one store. Writes go through renderer/db in one transaction each
 * (attachments first, content-addressed, then the patrol), then the patrol store is read again.
 */
import { formatTrackIssue } from '../../../shared/i18n/track';
import type { CellCoverage } from '../../../shared/domain/patrol/coverage';
import type { Patrol, RouteDatum, RoutePoint } from '../../../shared/domain/patrol/patrol-record';
import { newPatrolId } from '../../../shared/domain/patrol/patrol-record';
import type { TrackDatum, TrackFormat } from '../../../shared/formats/track/types';
import { editorNameOf } from '../../../shared/domain/settings/office-profile';
import { addPatrol, amendStoredPatrol, deleteStoredPatrol, getOfficeProfile, listPatrolAreas, restoreStoredPatrol, storeAttachments } from '../../db';
import type { Lang, Translate } from '../../i18n';
import type { MapTool } from '../../map';
import { errorText, isCancelled } from '../../platform/coded-error';
import { createStore } from '../../ui/store';
import type { Workbench } from '../../ui/workbench';
import { gridState } from '../grid';
import { coverageCellsOf, coverageRows, DEFAULT_THRESHOLDS, overridesFor, patrolUnits, tickedIds, type Thresholds } from './coverage-table.logic';
import { coverageInWorker, readTrackInWorker } from './patrol-client';
import {
  beijingInputText,
  datumQuestion,
  draftFromPatrol,
  emptyDraft,
  importedSource,
  patchFromDraft,
  routeTimes,
  type PatrolDraft,
} from './patrol.logic';
import { patrolState, reloadPatrols } from './patrol-state';

/**
 * Who the history names: the office profile's user (设置 in 报表), else 本机用户 — read from the store at each write,
 * so a name set meanwhile is the one recorded (and this feature needs nothing of the reports feature).
 */
const editorName = async (): Promise<string> => editorNameOf(await getOfficeProfile());

export interface PendingTrack {
  file: string;
  format: TrackFormat;
  hint: TrackDatum;
  route: RoutePoint[][];
  coverage: CellCoverage[];
  lengthMetres: number;
  /** The datum offered (null: none, the user picks). */
  datum: RouteDatum | null;
  likelyGcj02: boolean;
  notes: string[];
}

export interface PatrolForm {
  /** null: a new patrol. */
  patrolId: string | null;
  /** The stored record being edited (its number and history), null for a new one. */
  stored: Patrol | null;
  draft: PatrolDraft;
  coverage: CellCoverage[];
  lengthMetres: number;
  thresholds: Thresholds;
  overrides: Record<string, boolean>;
  /** Files picked to attach, stored with the save. */
  newFiles: File[];
  /** A KML/KMZ (or a 奥维-looking GPX) read, waiting for the user's datum. */
  pendingTrack: PendingTrack | null;
  /** What the last import said (warnings, notes), in the user's language. */
  trackNotes: string[];
  busy: 'read' | 'coverage' | 'save' | null;
  drawing: boolean;
  error: string | null;
  /** The draft as opened or last saved (with its areas), to tell unsaved changes (formSnapshot). */
  baseline: string;
  /** Waiting for the user to confirm that unsaved changes may go (close, another patrol, a new one). */
  discard: (() => void) | null;
}

export const formState = createStore<PatrolForm | null>(null);

/** The ledger's selection (its route is drawn on the map) and month. */
export const ledgerState = createStore<{ selectedId: string | null; month: string | null }>({ selectedId: null, month: null });

let abort: AbortController | null = null;

const units = () => patrolUnits(gridState.get().areas);

/**
 * What a route is measured against: the grid's units and the office's patrol areas (key areas, corridors,
 * stop-notice sites: their own rules count the patrols that pass through them). Read from the database, not the
 * tasks feature's store: that feature reads this one's rules, and features do not import each other both ways.
 */
async function coverageCells() {
  const patrolAreas = (await listPatrolAreas()).filter((a) => a.deletedAt === null);
  return [...coverageCellsOf(units()), ...patrolAreas.map((a) => ({ id: a.id, name: a.name, geometryLngLat: a.geometry }))];
}
const update = (fn: (f: PatrolForm) => PatrolForm) => formState.set((f) => (f ? fn(f) : f));

export interface FormContext {
  wb: Workbench;
  t: Translate;
  lang: Lang;
}

/** What a save would store of the form, as text: equal texts, nothing to save. */
const formSnapshot = (f: Pick<PatrolForm, 'draft' | 'newFiles'>, areaIds: readonly string[]): string =>
  JSON.stringify({ ...f.draft, areaIds: [...areaIds].sort(), newFiles: f.newFiles.map((x) => x.name) });

/** Unsaved changes: the draft, its areas or the files to attach differ from what was opened or saved. */
export const isDirty = (f: PatrolForm): boolean => formSnapshot(f, currentAreaIds(f)) !== f.baseline;

function blankForm(draft: PatrolDraft, stored: Patrol | null): PatrolForm {
  return {
    baseline: formSnapshot({ draft, newFiles: [] }, stored?.areaIds ?? []),
    discard: null,
    patrolId: stored?.id ?? null,
    stored,
    draft,
    coverage: [],
    lengthMetres: 0,
    thresholds: DEFAULT_THRESHOLDS,
    overrides: {},
    newFiles: [],
    pendingTrack: null,
    trackNotes: [],
    busy: null,
    drawing: false,
    error: null,
  };
}

/** Runs `then` now, or once the user agreed to lose the open form's unsaved changes. */
function afterDiscard(then: () => void): void {
  const f = formState.get();
  if (f && isDirty(f)) formState.set({ ...f, discard: then });
  else then();
}

export const keepEditing = () => update((f) => ({ ...f, discard: null }));

export const confirmDiscard = () => {
  const then = formState.get()?.discard;
  keepEditing();
  then?.();
};

export function openNewPatrol(ctx: FormContext): void {
  afterDiscard(() => startNewPatrol(ctx));
}

function startNewPatrol(ctx: FormContext): void {
  cancelWork();
  formState.set(blankForm(emptyDraft(Date.now()), null));
  ctx.wb.showPanel('patrol-form');
}

/** Opens a stored patrol for editing: its route measured again so the table shows metres and minutes. */
export function openPatrol(p: Patrol, ctx: FormContext): void {
  afterDiscard(() => startPatrol(p, ctx));
}

function startPatrol(p: Patrol, ctx: FormContext): void {
  cancelWork();
  const form = blankForm(draftFromPatrol(p), p);
  formState.set({ ...form, overrides: Object.fromEntries(p.areaIds.map((id) => [id, true])) });
  ledgerState.set((s) => ({ ...s, selectedId: p.id }));
  ctx.wb.showPanel('patrol-form');
  if (p.route.length > 0) void measureRoute(p.route, ctx, p.areaIds);
}

export function closeForm(ctx: FormContext): void {
  afterDiscard(() => endForm(ctx));
}

function endForm(ctx: FormContext): void {
  cancelWork();
  if (formState.get()?.drawing) ctx.wb.map.current()?.setTool(null);
  formState.set(null);
}

export function cancelWork(): void {
  abort?.abort();
  abort = null;
  update((f) => ({ ...f, busy: null }));
}

export const setDraft = (patch: Partial<PatrolDraft>) => update((f) => ({ ...f, draft: { ...f.draft, ...patch }, error: null }));
export const setThresholds = (thresholds: Thresholds) => update((f) => ({ ...f, thresholds }));
export const setOverrides = (overrides: Record<string, boolean>) => update((f) => ({ ...f, overrides }));
export const addFiles = (files: readonly File[]) => update((f) => ({ ...f, newFiles: [...f.newFiles, ...files] }));
export const removeNewFile = (i: number) => update((f) => ({ ...f, newFiles: f.newFiles.filter((_, k) => k !== i) }));

/** Measures a route (drawn, or stored) against the units; `storedAreas`: the ticks to keep (an edit). */
async function measureRoute(route: RoutePoint[][], ctx: FormContext, storedAreas?: readonly string[]): Promise<void> {
  cancelWork();
  const ac = (abort = new AbortController());
  update((f) => ({ ...f, busy: 'coverage' }));
  try {
    const run = await coverageInWorker({ route, cells: await coverageCells() }, { signal: ac.signal });
    update((f) => ({
      ...f,
      busy: null,
      coverage: run.coverage,
      lengthMetres: run.lengthMetres,
      overrides: storedAreas ? overridesFor(storedAreas, run.coverage, f.thresholds) : {},
    }));
  } catch (e) {
    if (!isCancelled(e)) update((f) => ({ ...f, busy: null, error: errorText(e, ctx.t) }));
  } finally {
    if (abort === ac) abort = null;
  }
}

/**
 * A track file (the 导入轨迹 button, or a file dropped on the map): read and measured in the worker. Opens a new
 * form when none is open. Nothing usable → the reader's error naming the file, and the form's route is untouched.
 */
export async function importTrack(file: { name: string; data: Blob }, ctx: FormContext): Promise<void> {
  if (!formState.get()) startNewPatrol(ctx);
  ctx.wb.showPanel('patrol-form');
  cancelWork();
  const ac = (abort = new AbortController());
  update((f) => ({ ...f, busy: 'read', error: null, trackNotes: [] }));
  try {
    const bytes = new Uint8Array(await file.data.arrayBuffer());
    const run = await readTrackInWorker(
      { file: file.name, bytes, cells: await coverageCells() },
      { signal: ac.signal, onProgress: (p) => update((f) => ({ ...f, busy: p.phase })) },
    );
    const errors = run.issues.filter((i) => i.severity === 'error');
    if (run.format === null || run.route.length === 0 || errors.length > 0) {
      const text = errors.map((i) => formatTrackIssue(i, ctx.lang)).join('；') || ctx.t('patrol.import.noPoints', { file: file.name });
      update((f) => ({ ...f, busy: null, error: text }));
      ctx.wb.notices.error(text);
      return;
    }
    const notes = run.issues.map((i) => formatTrackIssue(i, ctx.lang));
    if (!run.route.some((l) => l.some((p) => p[2] !== null))) notes.push(ctx.t('patrol.import.noTimes', { file: file.name }));
    const q = datumQuestion(run.format, file.name, run.datum);
    const pending: PendingTrack = {
      file: file.name,
      format: run.format,
      hint: run.datum,
      route: run.route,
      coverage: run.coverage,
      lengthMetres: run.lengthMetres,
      datum: q.preselected,
      likelyGcj02: q.likelyGcj02,
      notes,
    };
    update((f) => ({ ...f, busy: null }));
    if (q.ask) update((f) => ({ ...f, pendingTrack: pending }));
    else takeTrack(pending, q.preselected ?? 'wgs84');
  } catch (e) {
    if (isCancelled(e)) return;
    const text = ctx.t('patrol.import.failed', { file: file.name, message: errorText(e, ctx.t) });
    update((f) => ({ ...f, busy: null, error: text }));
    ctx.wb.notices.error(text);
  } finally {
    if (abort === ac) abort = null;
  }
}

/** The user answered the datum question (or none was needed): the route, its source and coverage go into the draft. */
export function takeTrack(p: PendingTrack, datum: RouteDatum): void {
  update((f) => {
    const times = routeTimes(p.route);
    const draft: PatrolDraft = {
      ...f.draft,
      route: p.route,
      routeSource: importedSource(p.file, p.format, datum),
      // A new patrol takes its times from the track; an edit keeps what the officer entered.
      ...(f.stored === null && times ? { startText: beijingInputText(times.startMs), endText: beijingInputText(times.endMs) } : {}),
    };
    return { ...f, draft, coverage: p.coverage, lengthMetres: p.lengthMetres, overrides: {}, pendingTrack: null, trackNotes: p.notes, error: null };
  });
}

export const dismissPendingTrack = () => update((f) => ({ ...f, pendingTrack: null }));

/** Draws the route on the map with the line tool (Enter or a click on the last vertex finishes). */
export function drawRoute(ctx: FormContext): void {
  ctx.wb.map.whenReady((map) => {
    update((f) => ({ ...f, drawing: true }));
    const tool: MapTool<'linestring'> = {
      id: 'patrol.route',
      mode: 'linestring',
      onFinish: (geometry) => {
        const route: RoutePoint[][] = [geometry.coordinates.map((c) => [c[0] as number, c[1] as number, null] as RoutePoint)];
        update((f) => ({ ...f, drawing: false, draft: { ...f.draft, route, routeSource: { kind: 'drawn' } }, trackNotes: [] }));
        // The drawn line is ours to show from now on (the route layer): the tool's own copy goes.
        setTimeout(() => map.setTool(null), 0);
        void measureRoute(route, ctx);
      },
      onCancel: () => update((f) => ({ ...f, drawing: false })),
    };
    map.setTool(tool as MapTool);
  });
}

export function clearRoute(): void {
  update((f) => ({ ...f, draft: { ...f.draft, route: [], routeSource: null }, coverage: [], lengthMetres: 0, overrides: {}, trackNotes: [] }));
}

/** The areas the save records: the ticked rows of the table as it shows now. */
export function currentAreaIds(f: PatrolForm): string[] {
  const names = new Map(gridState.get().areas.map((a) => [a.id as string, a.name]));
  return tickedIds(coverageRows(f.coverage, f.thresholds, f.overrides, names));
}

/** Save: new → addPatrol (numbered in its transaction); edit → amendStoredPatrol (history appended). */
export async function saveForm(ctx: FormContext): Promise<Patrol | null> {
  const f = formState.get();
  if (!f) return null;
  const patch = patchFromDraft({ ...f.draft, areaIds: currentAreaIds(f) });
  if (!patch) return null;
  update((x) => ({ ...x, busy: 'save', error: null }));
  try {
    const now = Date.now();
    const added = f.newFiles.length
      ? await storeAttachments(
          f.newFiles.map((file) => ({ name: file.name, mime: file.type, data: file })),
          now,
        )
      : [];
    const attachments = [...(patch.attachments ?? []), ...added.filter((a) => !(patch.attachments ?? []).some((b) => b.sha256 === a.sha256))];
    const by = await editorName();
    const r = f.patrolId
      ? await amendStoredPatrol(f.patrolId, { ...patch, attachments }, by, now)
      : await addPatrol({ ...patch, id: newPatrolId(now), attachments }, by, now);
    if (!r.ok) {
      update((x) => ({ ...x, busy: null, error: ctx.t('patrol.save.refused', { reason: r.detail ?? r.reason }) }));
      return null;
    }
    await reloadPatrols();
    const saved = r.value;
    formState.set({
      ...blankForm(draftFromPatrol(saved), saved),
      coverage: f.coverage,
      lengthMetres: f.lengthMetres,
      thresholds: f.thresholds,
      overrides: overridesFor(saved.areaIds, f.coverage, f.thresholds),
    });
    ledgerState.set((s) => ({ ...s, selectedId: saved.id, month: saved.date.slice(0, 7) }));
    ctx.wb.notices.push('info', ctx.t(f.patrolId ? 'patrol.save.amended' : 'patrol.save.added', { number: saved.number }));
    return saved;
  } catch (e) {
    update((x) => ({ ...x, busy: null, error: ctx.t('patrol.save.failed', { message: errorText(e, ctx.t) }) }));
    return null;
  }
}

/** Marks a patrol deleted (kept with its history), or brings it back. */
export async function setDeleted(id: string, deleted: boolean, ctx: FormContext): Promise<void> {
  const by = await editorName();
  const r = deleted ? await deleteStoredPatrol(id, by, Date.now()) : await restoreStoredPatrol(id, by, Date.now());
  if (!r.ok) {
    ctx.wb.notices.error(ctx.t('patrol.save.refused', { reason: r.detail ?? r.reason }));
    return;
  }
  await reloadPatrols();
  const f = formState.get();
  if (f?.patrolId === id) formState.set({ ...f, stored: r.value });
  ctx.wb.notices.push('info', ctx.t(deleted ? 'patrol.deleted' : 'patrol.restored', { number: r.value.number }));
}

export const patrolById = (id: string | null): Patrol | null => (id ? (patrolState.get().patrols.find((p) => p.id === id) ?? null) : null);
