/**
 * The one place the feature calls the pure layouts of shared/domain/evidence (the map sheet, its points and area
 * table; the papers and the photo sheet), so the pipeline reads the same whichever of them it runs with. The papers'
 * text is Chinese whatever the UI language: the labels passed are the zh-CN ones.
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import type { StoredComparison } from '../../../shared/domain/inspection/comparison-run';
import { areaRows } from '../../../shared/domain/evidence/area-table';
import type { AreaRow, MapSheetContent, NumberedPoint, PlotGk, SheetSettings } from '../../../shared/domain/evidence/inputs';
import { layoutMapSheets, planMapSheet, type MapSheetPlan } from '../../../shared/domain/evidence/map-sheet';
import { pointsOfRecord } from '../../../shared/domain/evidence/points';
import type { Sheet } from '../../../shared/domain/evidence/sheet-model';
import { areaTableLabels, sheetLabels } from './render/labels';
import { makeLngLatToGk } from '../../../shared/domain/crs/transform';
import { paperLabelsFrom, type PaperLabels } from '../../../shared/domain/evidence/paper-labels';
import { layoutSiteRecord, layoutStopNotice } from '../../../shared/domain/evidence/papers';
import { layoutPhotoSheets, type PhotoSheetItem } from '../../../shared/domain/evidence/photo-sheet';
import type { EvidenceTemplate } from '../../../shared/domain/evidence/template';
import type { PhotoRecord } from '../../db';
import { evidencePapersZhCN } from '../../i18n/evidence-papers.zh-CN';
import { plotExtent } from './evidence.logic';

export type SheetPlan = MapSheetPlan;

export type PlanOutcome = { ok: true; plan: SheetPlan } | { ok: false; reason: 'doesNotFit'; scale: number } | { ok: false; reason: 'noGeometry' };

/**
 * The map sheet's plan. 'fit' past 1:10,000 is refused by the layout; a standard scale the user chose is refused here
 * when the plot's extent does not fit the frame at it: a boundary cut off at the frame's edge is not evidence.
 */
export function planSheet(settings: SheetSettings, plot: PlotGk): PlanOutcome {
  const r = planMapSheet(settings, plot);
  if (!r.ok) return r.reason === 'plotTooLarge' ? { ok: false, reason: 'doesNotFit', scale: 10000 } : { ok: false, reason: 'noGeometry' };
  if (settings.scale !== 'fit') {
    const [e0, n0, e1, n1] = plotExtent(plot);
    const [g0, h0, g1, h1] = r.plan.ground.extent;
    if (e0 < g0 || e1 > g1 || n0 < h0 || n1 > h1) return { ok: false, reason: 'doesNotFit', scale: settings.scale };
  }
  return { ok: true, plan: r.plan };
}

export const mapSheets = (plan: SheetPlan, content: MapSheetContent): Sheet[] => layoutMapSheets(plan, content, sheetLabels('zh-CN'));

/** The 界址点 as the record holds them, else the plot's vertices numbered clockwise from the north-west one. */
export const recordPoints = (record: Inspection): NumberedPoint[] => pointsOfRecord(record);

/** The area table's rows from the stored comparison (so the sheet's areas ARE the comparison's). */
export const recordAreaRows = (stored: StoredComparison): AreaRow[] => areaRows(stored.summary, areaTableLabels('zh-CN'));

/** The papers' words (Chinese whatever the UI language). */
export const PAPER_LABELS: PaperLabels = paperLabelsFrom(evidencePapersZhCN);

/**
 * The 现场勘测笔录 (always), then the 责令停止违法行为通知书 when the record has one served (its number and date as
 * recorded): a notice is issued by the office, never invented by an export.
 */
export function paperSheets(
  record: Inspection,
  template: EvidenceTemplate,
  inputs: { areas: readonly AreaRow[]; points: readonly NumberedPoint[]; plot: PlotGk; photoNumbers: readonly string[]; stored: StoredComparison },
): Sheet[] {
  const out = layoutSiteRecord(
    { record, areas: inputs.areas, points: inputs.points, plot: inputs.plot, photoNumbers: inputs.photoNumbers },
    template,
    PAPER_LABELS,
  );
  if (record.stopNotice) {
    const total = inputs.stored.summary.total;
    const farmland = inputs.stored.summary.farmland;
    out.push(
      ...layoutStopNotice(
        {
          record,
          number: record.stopNotice.number,
          date: record.stopNotice.date,
          area: {
            planarM2: total.planarM2,
            mu: total.mu,
            farmlandM2: farmland ? farmland.inside.planarM2 : null,
            farmlandMu: farmland ? farmland.inside.mu : null,
          },
        },
        template,
        PAPER_LABELS,
      ),
    );
  }
  return out;
}

/** 照片编号 of the record's photos, in their order (the 笔录 lists them, the photo sheet captions them). */
export const photoNumbersOf = (photos: readonly PhotoRecord[]): string[] => photos.map((_, i) => `ZP-${String(i + 1).padStart(2, '0')}`);

/** The photo sheets: the stamped copies (image refs `photo:<sha256>`), two to a page, captioned. */
export function photoSheets(photos: readonly PhotoRecord[], recordNumber: string, plot: PlotGk): Sheet[] {
  if (photos.length === 0) return [];
  const toGk = makeLngLatToGk(plot.zone, plot.zonePrefix);
  const numbers = photoNumbersOf(photos);
  const items: PhotoSheetItem[] = photos.map((p, i) => {
    const ll = p.placement.lngLat;
    return {
      no: numbers[i]!,
      kind: p.kind,
      ref: p.stamp ? `photo:${p.sha256}` : null,
      widthPx: p.stamp?.width ?? 4,
      heightPx: p.stamp?.height ?? 3,
      time: p.exif.time ? { local: p.exif.time.local, offset: p.exif.time.offset } : null,
      position: p.placement.source !== 'none' ? { lngLat: p.placement.lngLat, source: p.placement.source } : null,
      gk: ll ? toGk(ll[0], ll[1]) : null,
      bearing: p.exif.bearing,
      photographer: p.photographer,
      description: p.description,
      sha256: p.sha256,
    };
  });
  return layoutPhotoSheets(items, recordNumber, PAPER_LABELS);
}
