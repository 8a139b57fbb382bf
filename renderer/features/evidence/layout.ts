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

/** The 现场勘测笔录 and the 责令停止违法行为通知书 of the record (E-B). */
export const paperSheets = (_record: Inspection): Sheet[] => [];

/** The photo sheets (E-B). */
export const photoSheets = (_photos: readonly unknown[]): Sheet[] => [];
