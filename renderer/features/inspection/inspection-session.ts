/**
 * The open inspection record (one at a time, shown in the right dock's 核查记录 panel) and the ways to start one.
 * Other features start or open records only through these functions (the list opens one, the survey import starts
 * one from points, a patrol's finding starts one); the record panel renders what `openInspection` holds.
 */
import type { Inspection, InspectionId, InspectionSource } from '../../../shared/domain/inspection/inspection-record';
import type { InspectionPatch } from '../../../shared/domain/inspection/inspection-record';
import { newInspectionId } from '../../../shared/domain/inspection/inspection-record';
import { addInspection, getInspection, type InspectionWriteResult } from '../../db';
import { createStore } from '../../ui/store';

export interface OpenInspection {
  id: InspectionId;
  /** The stored record; null while it is being read. */
  record: Inspection | null;
}

/** The record the panel shows; null: none open. */
export const openInspectionState = createStore<OpenInspection | null>(null);

/** Bumped after every stored write of any inspection (the list and the map re-read on it). */
export const inspectionsChanged = createStore(0);

export const noteInspectionsChanged = (): void => inspectionsChanged.set((n) => n + 1);

/** Opens a stored record in the panel (reads it; a record that cannot be read closes the panel). */
export async function openInspection(id: string): Promise<Inspection | null> {
  openInspectionState.set({ id: id as InspectionId, record: null });
  const record = await getInspection(id);
  if (openInspectionState.get()?.id === id) openInspectionState.set(record ? { id: record.id, record } : null);
  return record;
}

export const closeInspection = (): void => openInspectionState.set(null);

/** Sets the open record after a write (the panel and the sections show it). */
export function showStoredInspection(record: Inspection): void {
  if (openInspectionState.get()?.id === record.id) openInspectionState.set({ id: record.id, record });
  noteInspectionsChanged();
}

/** What a new record starts from: its source and any content already known (a patch's geometry and JCBH …). */
export interface StartInspection {
  source: InspectionSource;
  content?: InspectionPatch;
}

/** The injected parts of starting a record (the office's number pattern and the user's name come from settings). */
export interface StartDeps {
  pattern: () => Promise<string>;
  userName: () => string;
  now?: () => number;
}

let deps: StartDeps | null = null;
/** The inspection feature sets these at boot. */
export const setStartDeps = (d: StartDeps): void => void (deps = d);

/** Who a write names in the history: the office profile's user (the same for a start and every later save). */
export const currentUserName = (): string => deps?.userName() || '本机用户';

/** Stores a new draft and opens it in the panel. */
export async function startInspection(init: StartInspection): Promise<InspectionWriteResult> {
  if (!deps) throw new Error('startInspection: the inspection feature is not installed');
  const at = (deps.now ?? Date.now)();
  const result = await addInspection({ id: newInspectionId(at), source: init.source, ...init.content }, deps.userName(), at, await deps.pattern());
  if (result.ok) {
    openInspectionState.set({ id: result.value.id, record: result.value });
    noteInspectionsChanged();
  }
  return result;
}
