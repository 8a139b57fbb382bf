/**
 * The one place the feature calls the pure layouts of shared/domain/evidence (E-A's map sheet, points and area table;
 * E-B's papers and photo sheet), so the pipeline reads the same whichever of them it runs with.
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import type { StoredComparison } from '../../../shared/domain/inspection/comparison-run';
import type { AreaRow, MapSheetContent, NumberedPoint, PlotGk, SheetSettings } from '../../../shared/domain/evidence/inputs';
import type { FrameGround, Paper, RectMm, Sheet } from '../../../shared/domain/evidence/sheet-model';
import { tempLayout, tempPlan } from './temp-layout';

export interface SheetPlan {
  paper: Paper;
  frame: RectMm;
  ground: FrameGround;
  /** The imagery render's size: the frame at 300 dpi. */
  imageryPx: { widthPx: number; heightPx: number };
}

export type PlanOutcome = { ok: true; plan: SheetPlan } | { ok: false; scale: number };

export const planSheet = (settings: SheetSettings, plot: PlotGk): PlanOutcome => tempPlan(settings, plot);

export const mapSheets = (plan: SheetPlan, content: MapSheetContent, settings: SheetSettings): Sheet[] => tempLayout(plan, content, settings.title);

/** The 界址点 as the record holds them, else the plot's vertices numbered. */
export function recordPoints(record: Inspection, plot: PlotGk): NumberedPoint[] {
  if (record.surveyPoints.length > 0) return record.surveyPoints.map((p) => ({ name: p.name, x: p.x, y: p.y, ring: p.ring, sideMetres: 0 }));
  const out: NumberedPoint[] = [];
  let k = 1;
  plot.polygons.forEach((poly) =>
    poly.forEach((ring, ri) => ring.forEach(([e, n]) => out.push({ name: `J${k++}`, x: n, y: e, ring: ri + 1, sideMetres: 0 }))),
  );
  return out;
}

export const recordAreaRows = (stored: StoredComparison): AreaRow[] => [
  { label: '总面积', level: 0, planarM2: stored.summary.total.planarM2, mu: stored.summary.total.planarM2 * 0.0015 },
];

/** The 现场勘测笔录 and the 责令停止违法行为通知书 of the record (E-B). */
export const paperSheets = (_record: Inspection): Sheet[] => [];

/** The photo sheets (E-B). */
export const photoSheets = (_photos: readonly unknown[]): Sheet[] => [];
