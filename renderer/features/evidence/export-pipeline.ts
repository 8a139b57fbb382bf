/**
 * One record's evidence set, step by step (the dialog's ProgressCard shows the steps: data, imagery, PNG, PDF,
 * manifest): the record's plot in its GK plane and the sheet's plan; the numbered points, the area rows FROM THE
 * STORED COMPARISON (so the sheet's areas equal the comparison's), the layers in the frame (the evidence worker) and
 * the imagery rendered for the frame (renderImagery); the sheets (map, tables, papers, photo sheet); the 300-dpi PNG
 * of the map sheet; the PDF (Chromium's print of the print root); the 报盘 file; the manifest; one zip. Nothing stored
 * changes.
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import type { MapSheetContent, NumberedPoint, PlotGk, SheetLayer, SheetSettings } from '../../../shared/domain/evidence/inputs';
import type { Sheet } from '../../../shared/domain/evidence/sheet-model';
import type { EvidenceTemplate } from '../../../shared/domain/evidence/template';
import type { StoredComparison } from '../../../shared/domain/inspection/comparison-run';
import type { RoleAssignment } from '../../../shared/domain/inspection/comparison';
import { nameFieldFor } from '../../../shared/domain/layers/legend';
import { writeBaopan } from '../../../shared/formats/survey/baopan';
import { getOfficeProfile, getPhotoOriginal, getPhotos, type LayerRecord, type PhotoRecord } from '../../db';
import type { Translate } from '../../i18n';
import { CodedError } from '../../platform/coded-error';
import { renderImagery, type ImagerySource } from '../geotiff';
import { plotOfRecord } from '../../../shared/domain/evidence/points';
import { meridianConvergenceDeg } from '../../../shared/domain/evidence/scale';
import { checkRecord, evidenceNames, photoEntryNames, sheetRoleOf, withDraftMark, type EvidenceNames, type ExportRefusal } from './evidence.logic';
import type { EvidenceFile, FrameLayerInput, SealMeta, SealResult } from './evidence.protocol';
import { evidenceClient } from './evidence-state';
import { mapSheets, paperSheets, photoNumbersOf, photoSheets, planSheet, recordAreaRows, recordPoints, type SheetPlan } from './layout';
import { version as APP_VERSION } from '../../../package.json';

export const EXPORT_STEPS = ['data', 'imagery', 'png', 'pdf', 'manifest'] as const;
export type ExportStep = (typeof EXPORT_STEPS)[number];

export interface ImageryChoice {
  id: string;
  name: string;
  source: ImagerySource;
}

export interface SheetInputs {
  settings: SheetSettings;
  /** The office's template: the papers' wording, 制图单位, the notice's organ. */
  template: EvidenceTemplate;
  /** The drawn vector layers (the layer list's records), top first. */
  layers: readonly LayerRecord[];
  roles: readonly RoleAssignment[] | null;
  imagery: ImageryChoice | null;
  t: Translate;
  /** Preview: imagery at a quarter of 300 dpi (the dialog's picture), no photos' originals. */
  preview?: boolean;
  signal?: AbortSignal;
  onStep?: (step: ExportStep) => void;
}

/** Sheets ready to print: every image ref → its object URL (revoke with `dispose`). */
export interface PreparedSheets {
  sheets: Sheet[];
  images: Record<string, string>;
  plan: SheetPlan;
  plot: PlotGk;
  content: MapSheetContent;
  stored: StoredComparison | null;
  /** Things the sheet says it lacks (imagery that failed). */
  notes: string[];
  photos: PhotoRecord[];
  dispose(): void;
}

export type Prepared = { ok: true; prepared: PreparedSheets } | { ok: false; refusal: ExportRefusal };

const throwIfAborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new CodedError('cancelled');
};

export const today = (d = new Date()) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The drawn layers as the worker reads them (hidden on the sheet by the user: left out). */
export function frameInputs(layers: readonly LayerRecord[], settings: SheetSettings, stored: StoredComparison | null): FrameLayerInput[] {
  return layers
    .filter((l) => l.visible && !settings.hiddenLayerIds.includes(l.id))
    .map((l) => {
      const rule = l.style.fill?.type === 'categorical' ? l.style.fill : null;
      const fields = l.meta.fields.map((f) => f.name);
      return {
        id: l.id,
        name: l.name,
        kind: l.kind,
        role: sheetRoleOf(l, stored?.layers ?? []),
        style: l.style,
        geometryKind: l.meta.geometryKind,
        opacity: l.opacity,
        dataVersion: l.dataVersion,
        labelField: l.kind === 'landClass' ? ((rule && nameFieldFor(rule.field, fields)) ?? l.style.labelField ?? null) : null,
      };
    });
}

/** What the frame's steps read of the inputs (a record's export and a view's print alike). */
export type FrameInputs = Pick<SheetInputs, 'settings' | 'layers' | 'imagery' | 't' | 'preview' | 'signal'>;

/** Object URLs made for one set of sheets, revoked together. */
export function objectUrls(): { url: (blob: Blob) => string; dispose: () => void } {
  const urls: string[] = [];
  return {
    url: (blob) => {
      const u = URL.createObjectURL(blob);
      urls.push(u);
      return u;
    },
    dispose: () => urls.forEach((u) => URL.revokeObjectURL(u)),
  };
}

/** The drawn layers inside the plan's frame, projected to its GK plane with their legends (the evidence worker). */
export async function frameLayersOf(plan: SheetPlan, inputs: FrameInputs, stored: StoredComparison | null): Promise<SheetLayer[]> {
  const { ground } = plan;
  const { signal } = inputs;
  const layers: SheetLayer[] = await evidenceClient().request(
    'frameLayers',
    {
      zone: ground.zone,
      zonePrefix: ground.zonePrefix,
      extent: ground.extent,
      layers: frameInputs(inputs.layers, inputs.settings, stored),
      otherLabel: inputs.t('legend.other'),
    },
    signal ? { signal } : {},
  );
  throwIfAborted(signal);
  return layers;
}

/**
 * Imagery: the frame's GK extent rendered north up in the GK grid, at 300 dpi (a quarter of it for the preview), put in
 * `images.imagery`. An imagery failure is a note on the sheet, not a refusal.
 */
export async function frameImagery(
  plan: SheetPlan,
  inputs: FrameInputs,
  images: Record<string, string>,
  url: (blob: Blob) => string,
  notes: string[],
): Promise<MapSheetContent['imagery']> {
  const { settings, t, signal } = inputs;
  const { ground } = plan;
  let imagery: MapSheetContent['imagery'] = null;
  if (settings.imagery && inputs.imagery) {
    const k = inputs.preview ? 0.25 : 1;
    try {
      const r = await renderImagery(
        inputs.imagery.source,
        {
          extent: { zone: ground.zone, zonePrefix: ground.zonePrefix, extent: ground.extent },
          widthPx: Math.max(1, Math.round(plan.imagery.widthPx * k)),
          heightPx: Math.max(1, Math.round(plan.imagery.heightPx * k)),
        },
        signal,
      );
      if (r.coveredPx > 0) {
        images.imagery = url(new Blob([r.png as BlobPart], { type: 'image/png' }));
        imagery = { ref: 'imagery', name: r.source.name, date: r.source.date };
      } else notes.push(t('evidence.note.imageryOutside', { name: inputs.imagery.name }));
    } catch (e) {
      throwIfAborted(signal);
      notes.push(t('evidence.note.imageryFailed', { name: inputs.imagery.name }));
      console.warn('landpatrol: imagery render for the evidence sheet failed', e);
    }
  }
  throwIfAborted(signal);
  return imagery;
}

/** What a map sheet is of: a plot in its GK plane, its numbered points, the comparison its areas come from, the ids. */
/** What the frame holds, gathered once for any sheet: its layers, the imagery, the title block, the convergence. */
export interface FrameContents {
  layers: SheetLayer[];
  imagery: MapSheetContent['imagery'];
  titleBlock: MapSheetContent['titleBlock'];
  convergenceDeg: number;
  images: Record<string, string>;
  notes: string[];
  url: (blob: Blob) => string;
  dispose: () => void;
}

/** The frame's layers (the evidence worker), the imagery rendered for it, the office's title block, γ at its centre. */
export async function frameContents(
  plan: SheetPlan,
  inputs: FrameInputs & Pick<SheetInputs, 'template' | 'onStep'>,
  stored: StoredComparison | null,
): Promise<FrameContents> {
  const { ground } = plan;
  const layers = await frameLayersOf(plan, inputs, stored);
  const profile = await getOfficeProfile();
  const images: Record<string, string> = {};
  const { url, dispose } = objectUrls();
  const notes: string[] = [];
  inputs.onStep?.('imagery');
  const imagery = await frameImagery(plan, inputs, images, url, notes);
  const [e0, n0, e1, n1] = ground.extent;
  return {
    layers,
    imagery,
    titleBlock: { office: inputs.template.mapUnit || profile.officeName, mapper: profile.userName, checker: '', date: today() },
    convergenceDeg: meridianConvergenceDeg(ground.zone, ground.zonePrefix, (e0 + e1) / 2, (n0 + n1) / 2),
    images,
    notes,
    url,
    dispose,
  };
}

export interface MapTarget {
  plot: PlotGk;
  points: NumberedPoint[];
  stored: StoredComparison;
  record: MapSheetContent['record'];
}

/** The map sheet (and its 续表) of a target, with its images; `url` adds more object URLs to the same `dispose`. */
export interface PreparedMap {
  sheets: Sheet[];
  images: Record<string, string>;
  plan: SheetPlan;
  content: MapSheetContent;
  notes: string[];
  url(blob: Blob): string;
  dispose(): void;
}

/**
 * The map sheet of a target: its plan (refused when the plot does not fit), the layers in the frame (the evidence
 * worker), the imagery for the frame, the content and its layout. A record's set and a patch's set (patch-batch.ts).
 */
export async function prepareMapSheets(
  target: MapTarget,
  inputs: SheetInputs,
): Promise<{ ok: true; map: PreparedMap } | { ok: false; refusal: ExportRefusal }> {
  const { plot, stored } = target;
  const planned = planSheet(inputs.settings, plot);
  if (!planned.ok)
    return { ok: false, refusal: planned.reason === 'doesNotFit' ? { reason: 'doesNotFit', scale: planned.scale } : { reason: 'noGeometry' } };
  const plan = planned.plan;
  const { layers, imagery, titleBlock, convergenceDeg, images, notes, url, dispose } = await frameContents(plan, inputs, stored);
  const content: MapSheetContent = {
    record: target.record,
    titleBlock,
    plot,
    points: target.points,
    areas: recordAreaRows(stored),
    layers,
    imagery,
    convergenceDeg,
  };
  return { ok: true, map: { sheets: mapSheets(plan, content), images, plan, content, notes, url, dispose } };
}

/**
 * The sheets of a record, with their images (a bare map view's: view-pipeline.ts prepareViewSheets; a patch without a
 * record: patch-batch.ts). A refusal is a named reason; an imagery failure is a note on the sheet, not a refusal.
 */
export async function prepareSheets(record: Inspection, inputs: SheetInputs): Promise<Prepared> {
  const { t } = inputs;
  inputs.onStep?.('data');
  const layersNow = inputs.layers.map((l) => ({ id: l.id, dataVersion: l.dataVersion }));
  const check = checkRecord(record, layersNow, inputs.roles);
  if (!check.ok) return check.ok === false ? { ok: false, refusal: check.refusal } : check;
  const stored = check.stored;
  const plot = plotOfRecord(record);
  if (!plot) return { ok: false, refusal: { reason: 'noGeometry' } };
  const made = await prepareMapSheets(
    {
      plot,
      points: recordPoints(record),
      stored,
      record: {
        number: record.number,
        taskNo: record.taskNo,
        caseNo: record.stopNotice?.number ?? '',
        township: record.location.township,
        village: record.location.village,
        place: record.location.place,
      },
    },
    inputs,
  );
  if (!made.ok) return made;
  const { map } = made;
  const { content } = map;
  const photos = (await getPhotos(record.photoHashes)).filter((p): p is PhotoRecord => p !== null);
  const images = map.images;
  for (const p of photos) if (p.stamp) images[`photo:${p.sha256}`] = map.url(p.stamp.image);
  const papers = paperSheets(record, inputs.template, {
    areas: content.areas,
    points: content.points,
    plot,
    photoNumbers: photoNumbersOf(photos),
    stored,
  });
  let sheets = [...map.sheets, ...papers, ...photoSheets(photos, record.number, plot)];
  if (record.submittedAt === null) sheets = withDraftMark(sheets, t('evidence.draft.mark'), t('evidence.draft.note'));
  return { ok: true, prepared: { sheets, images, plan: map.plan, plot, content, stored, notes: map.notes, photos, dispose: map.dispose } };
}

/** The 报盘 coordinate file of the plot: the points as printed, each ring closed on its first point, GBK. */
export function baopanOf(p: PreparedSheets, recordNumber: string): Uint8Array {
  const rings = new Map<number, { name: string; x: number; y: number }[]>();
  for (const pt of p.content.points) rings.set(pt.ring, [...(rings.get(pt.ring) ?? []), { name: pt.name, x: pt.x, y: pt.y }]);
  const total = p.stored?.summary.total.planarM2 ?? 0;
  const written = writeBaopan(
    [{ plot: { name: recordNumber, rings: [...rings].map(([ringNo, points]) => ({ ringNo, points, closed: true })) }, planarM2: total }],
    { zone: { width: p.plot.zone.width, zone: p.plot.zone.zone }, date: today(), encoding: 'gbk' },
  );
  return written.bytes;
}

/** The photo originals, re-hashed by the repository (a mismatch is refused, never exported as the photo). */
export async function photoOriginals(photos: readonly PhotoRecord[], dir: string): Promise<EvidenceFile[]> {
  const names = photoEntryNames(photos.map((p) => p.name));
  const out: EvidenceFile[] = [];
  for (const [i, p] of photos.entries()) {
    const r = await getPhotoOriginal(p.sha256);
    if (!r.ok) throw new CodedError('fileUnreadable', { detail: `${p.name}: ${r.reason}`, params: { file: p.name } });
    out.push({ path: `${dir}/${names[i]}`, bytes: r.value.bytes, category: 'photo' });
  }
  return out;
}

export interface SetFiles {
  /** null: the browser build's batch, whose PDF is one print of all the records (not in the sets). */
  pdf: Uint8Array | null;
  png: Uint8Array;
}

/**
 * Seals a set's files (hashes + manifest) in the worker: the PDF (when there is one), the PNG, the 报盘 file, the photo
 * originals, under the set's names.
 */
export async function sealSet(
  names: EvidenceNames,
  p: PreparedSheets,
  files: SetFiles,
  meta: Omit<SealMeta, 'appVersion' | 'exportedAt'>,
  signal?: AbortSignal,
): Promise<SealResult> {
  const set: EvidenceFile[] = [
    ...(files.pdf ? [{ path: names.pdf, bytes: files.pdf, category: 'pdf' as const }] : []),
    { path: names.png, bytes: files.png, category: 'png' },
    { path: names.baopan, bytes: baopanOf(p, meta.recordNumber || meta.subject?.patchNo || ''), category: 'baopan' },
    ...(await photoOriginals(p.photos, names.photoDir)),
  ];
  return evidenceClient().request(
    'seal',
    { files: set, meta: { ...meta, appVersion: APP_VERSION, exportedAt: Date.now() } },
    signal ? { signal } : {},
  );
}

/** Seals one record's files (hashes + manifest) in the worker. */
export const sealRecord = (record: Inspection, p: PreparedSheets, files: SetFiles, signal?: AbortSignal): Promise<SealResult> =>
  sealSet(
    evidenceNames(record.number, record.id),
    p,
    files,
    { recordNumber: record.number, recordId: record.id, historyHead: record.history.at(-1)?.hash ?? null },
    signal,
  );
