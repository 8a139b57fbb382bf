/**
 * 批量导出证据 over a whole 卫片图斑 layer (issue 13 item 6), the pure part: the batch's source (the 核查 list's filtered
 * records, or a patch layer's every patch), which patches have a record (JCBH = the record's 任务编号) and which get a
 * patch set, the folder names, what a patch set's map sheet shows (the patch as the plot, J1… clockwise from the
 * north-west vertex, "未核查（无核查记录）" at its foot), its manifest subject, and where the batch goes (a zip, or a
 * folder where the platform offers a folder picker). No DOM, no React: specs beside it.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { MapSheetContent, NumberedPoint, PlotGk } from '../../../shared/domain/evidence/inputs';
import type { ManifestSubject } from '../../../shared/domain/evidence/manifest';
import { numberBoundaryPoints, plotOfRecord } from '../../../shared/domain/evidence/points';
import type { Mark, Sheet } from '../../../shared/domain/evidence/sheet-model';
import type { LayerKind } from '../../../shared/domain/layers/kind';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import { batchFolders } from './evidence.logic';

// ── the source ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type BatchSource = { kind: 'records' } | { kind: 'layer'; layerId: string };

/** The value of a source in the dialog's radio group ('records', 'layer:<id>'). */
export const sourceValue = (s: BatchSource): string => (s.kind === 'records' ? 'records' : `layer:${s.layerId}`);

export function sourceOfValue(v: string): BatchSource {
  return v.startsWith('layer:') ? { kind: 'layer', layerId: v.slice('layer:'.length) } : { kind: 'records' };
}

/** The patch layers a batch can run over: every 卫片图斑 layer with polygons, in the layer list's order (top first). */
export function patchLayerChoices<L extends { id: string; name: string; kind: LayerKind; meta: { geometryKind: string; featureCount: number } }>(
  layers: readonly L[],
): { id: string; name: string; count: number }[] {
  return layers
    .filter((l) => l.kind === 'changePatch' && l.meta.geometryKind === 'polygon')
    .map((l) => ({ id: l.id, name: l.name, count: l.meta.featureCount }));
}

/**
 * The source the dialog starts on: the layer it was opened for (the layer list's 批量导出证据…), else the filtered
 * records when there are any, else the first patch layer.
 */
export function initialSource(openedFor: string | null, layers: readonly { id: string }[], recordCount: number): BatchSource {
  if (openedFor && layers.some((l) => l.id === openedFor)) return { kind: 'layer', layerId: openedFor };
  if (recordCount > 0 || layers.length === 0) return { kind: 'records' };
  return { kind: 'layer', layerId: layers[0]!.id };
}

// ── the plan: which patches get which set ──────────────────────────────────────────────────────────────────────────

/** A patch as read from the stored layer (evidence.protocol PatchFeatureRead). */
export interface PatchInput {
  fid: number;
  geometry: Polygon | MultiPolygon | null;
  zone: GkZoneRef | null;
  properties: Readonly<Record<string, string>>;
}

/** What the plan reads of a record. */
export interface RecordRef {
  id: string;
  taskNo: string;
  submittedAt: number | null;
  updatedAt: number;
}

export type PatchItem<R extends RecordRef = RecordRef> =
  /** The patch has an inspection record: the record's full set (exactly what the record batch makes). */
  | { kind: 'record'; label: string; folder: string; patch: PatchInput; record: R }
  /** No record: a patch set (map sheet + tables from a comparison run now, PNG, 报盘, manifest). */
  | { kind: 'patch'; label: string; folder: string; patch: PatchInput }
  /** Cannot be exported whatever the settings: listed in 跳过.txt. */
  | { kind: 'skip'; label: string; patch: PatchInput; reason: 'noGeometry' };

/** The name a patch goes by in the batch: its JCBH, else '#<fid>' (as the 一览表 names it). */
export const patchLabel = (patchNo: string, fid: number): string => patchNo || `#${fid}`;

/**
 * The record of a patch: one whose 任务编号 is the patch's JCBH; of several, the submitted one, then the one changed
 * last (a re-inspection supersedes). A patch without a JCBH has no record.
 */
export function recordOfPatch<R extends RecordRef>(patchNo: string, byTask: ReadonlyMap<string, readonly R[]>): R | null {
  if (!patchNo) return null;
  const list = byTask.get(patchNo);
  if (!list || list.length === 0) return null;
  return [...list].sort((a, b) => Number(b.submittedAt !== null) - Number(a.submittedAt !== null) || b.updatedAt - a.updatedAt)[0]!;
}

/**
 * Every patch of the layer with what it gets and its folder (the JCBH, made safe and unique: two patches of one JCBH
 * get "WP001" and "WP001 (2)"). `patchNoOf` is the inspection start's rule (the same one that set the record's 任务编号).
 */
export function planPatchBatch<R extends RecordRef>(
  patches: readonly PatchInput[],
  records: readonly R[],
  patchNoOf: (properties: Readonly<Record<string, unknown>>) => string,
): PatchItem<R>[] {
  const byTask = new Map<string, R[]>();
  for (const r of records) {
    const k = r.taskNo.trim();
    if (k) byTask.set(k, [...(byTask.get(k) ?? []), r]);
  }
  const nos = patches.map((p) => patchNoOf(p.properties));
  const folders = batchFolders(nos, (i) => `图斑-${patches[i]!.fid}`);
  return patches.map((patch, i): PatchItem<R> => {
    const label = patchLabel(nos[i]!, patch.fid);
    if (!patch.geometry) return { kind: 'skip', label, patch, reason: 'noGeometry' };
    const record = recordOfPatch(nos[i]!, byTask);
    return record ? { kind: 'record', label, folder: folders[i]!, patch, record } : { kind: 'patch', label, folder: folders[i]!, patch };
  });
}

/** How many of each the plan holds (the dialog says it before the export). */
export function planCounts(items: readonly PatchItem[]): { total: number; records: number; patches: number; skipped: number } {
  return {
    total: items.length,
    records: items.filter((i) => i.kind === 'record').length,
    patches: items.filter((i) => i.kind === 'patch').length,
    skipped: items.filter((i) => i.kind === 'skip').length,
  };
}

// ── a patch set's content ──────────────────────────────────────────────────────────────────────────────────────────

/** The patch's plot in its GK zone (the layer's zone, else the 3° zone of its centre), rings open; null without one. */
export const patchPlot = (p: Pick<PatchInput, 'geometry' | 'zone'>): PlotGk | null =>
  plotOfRecord({ geometry: p.geometry, zone: p.zone, surveyPoints: [] });

/** The patch's 界址点: its vertices, J1… clockwise from each ring's north-west vertex (no surveyed points: no visit). */
export const patchPoints = (plot: PlotGk): NumberedPoint[] => numberBoundaryPoints(plot.polygons);

/** The patch's own village name (XZQMC, else ZLDWMC), '' without one. */
export const patchVillageOf = (properties: Readonly<Record<string, string>>): string =>
  (properties.XZQMC ?? properties.xzqmc ?? properties.ZLDWMC ?? '').trim();

/**
 * The ids and place the sheet prints for a patch: no record number, the JCBH as 任务编号, and where it lies — the
 * township and village a record started from the same patch would get (the grid's, else the boundary layer's name;
 * `located`), the patch's own XZQMC as the village when nothing is located.
 */
export function patchSheetRecord(
  patchNo: string,
  properties: Readonly<Record<string, string>>,
  located: { township: string; village: string } = { township: '', village: '' },
): MapSheetContent['record'] {
  const village = located.village.trim() || patchVillageOf(properties);
  return { number: '', taskNo: patchNo, caseNo: '', township: located.township.trim(), village, place: '' };
}

/**
 * A patch set's sheets carry the note that no one has been on site: "未核查（无核查记录）…" at the head of each page,
 * above the title (the foot holds the page number and a draft's note), in red, so the paper is never taken for a
 * record's evidence.
 */
export function withUninspectedNote(sheets: readonly Sheet[], note: string): Sheet[] {
  return sheets.map((s) => {
    const m: Mark = { kind: 'text', x: 20, y: 6, text: note, sizePt: 8, color: '#c00000', anchor: 'start', baseline: 'middle' };
    return { ...s, marks: [...s.marks, m] };
  });
}

/** The manifest's subject and record fields of a patch set: no record number, no chain head. */
export function patchManifestMeta(
  label: string,
  layer: { id: string; name: string },
  fid: number,
): { recordNumber: string; recordId: string; historyHead: null; subject: ManifestSubject } {
  return {
    recordNumber: '',
    recordId: `patch:${layer.id}:${fid}`,
    historyHead: null,
    subject: { kind: 'patch', patchNo: label, layerName: layer.name, fid },
  };
}

// ── where the batch goes ───────────────────────────────────────────────────────────────────────────────────────────

export type BatchOutput = 'zip' | 'folder';

/** The outputs offered: a folder only where the platform has a folder picker (Chromium's and Electron's showDirectoryPicker). */
export const outputChoices = (hasFolderPicker: boolean): BatchOutput[] => (hasFolderPicker ? ['zip', 'folder'] : ['zip']);

/** A zip entry's path split into its folders and its file name ("WP001/照片原件/a.jpg" → [["WP001","照片原件"], "a.jpg"]). */
export function splitEntryPath(path: string): [string[], string] {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  const name = parts.pop() ?? '';
  return [parts, name];
}

/** What writeFolder uses of a folder handle (the File System Access API's FileSystemDirectoryHandle). */
export interface FolderLike {
  getDirectoryHandle(name: string, o: { create: true }): Promise<FolderLike>;
  getFileHandle(
    name: string,
    o: { create: true },
  ): Promise<{ createWritable(): Promise<{ write(b: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void> }> }>;
  removeEntry(name: string, o: { recursive: true }): Promise<void>;
}

/**
 * The batch's entries written into a new sub-folder `name` of the chosen folder; on a failure or a cancel (`checkCancel`
 * throws; called before each file) the sub-folder is removed again, so the chosen folder is left as it was.
 */
export async function writeFolder(
  dir: FolderLike,
  name: string,
  entries: readonly { path: string; bytes: Uint8Array }[],
  checkCancel: () => void,
): Promise<void> {
  const root = await dir.getDirectoryHandle(name, { create: true });
  try {
    for (const e of entries) {
      checkCancel();
      const [folders, file] = splitEntryPath(e.path);
      let d = root;
      for (const f of folders) d = await d.getDirectoryHandle(f, { create: true });
      const w = await (await d.getFileHandle(file, { create: true })).createWritable();
      await w.write(e.bytes as Uint8Array<ArrayBuffer>);
      await w.close();
    }
  } catch (err) {
    await dir.removeEntry(name, { recursive: true }).catch(() => undefined);
    throw err;
  }
}
