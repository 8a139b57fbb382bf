/**
 * What the evidence layouts take (issue 13). The contract between the layout modules (shared/domain/evidence) and
 * the evidence feature (renderer/features/evidence), which gathers these from the record, the stored comparison,
 * the layers in the frame (projected to the plot's GK zone) and the imagery rendered for the frame.
 *
 * Entry points (each module's own file):
 * - map-sheet.ts:   planMapSheet(settings, plot) → MapSheetPlan (paper, frame on paper, ground: GK extent + scale,
 *                   the imagery frame in pixels at 300 dpi);  layoutMapSheets(plan, content, labels) → Sheet[]
 *                   (the map sheet, then table sheets when the tables do not fit on it, header repeated).
 * - points.ts:      numberBoundaryPoints(rings) → NumberedPoint[] (J1… clockwise from each ring's north-west point);
 *                   pointsOfRecord(record) → NumberedPoint[] (the surveyed 界址点 as the record holds them, else the
 *                   plot's vertices numbered).
 * - area-table.ts:  areaRows(stored comparison summary) → AreaRow[] (adding up to the total after rounding).
 * - papers.ts:      layoutSiteRecord / layoutStopNotice (record + office template → Sheet[]).
 * - photo-sheet.ts: layoutPhotoSheets(photos, labels) → Sheet[].
 * - manifest.ts:    buildManifest(files, meta) → Manifest (+ its text and JSON forms).
 * - template.ts:    the office's evidence template record (layout defaults, wording, number pattern).
 */
import type { LegendGroup } from '../layers/legend';
import type { GkZoneRef } from '../units/area';
import type { Orientation, PaperName } from './sheet-model';

/** 1:500 … 1:10,000 (DOMAIN "Evidence-map conventions"). */
export const STANDARD_SCALES = [500, 1000, 2000, 5000, 10000] as const;
export type StandardScale = (typeof STANDARD_SCALES)[number];

export type LegendPosition = 'right' | 'bottom';

/** What the user sets in the export dialog (and saves as the office's template). */
export interface SheetSettings {
  paper: PaperName;
  orientation: Orientation;
  /** A standard scale, or 'fit': the smallest standard scale at which the plot (with a margin) fits the frame. */
  scale: StandardScale | 'fit';
  /** The sheet's title (default 违法用地示意图; 现场勘测图 / 勘测定界图 by choice). */
  title: string;
  legendPosition: LegendPosition;
  /** Coordinate grid spacing on paper, mm (default 100: 10 cm). */
  gridSpacingMm: number;
  /** Layer ids left off the sheet (every drawn layer is on it by default). */
  hiddenLayerIds: string[];
  /** Draw the imagery under the vectors. */
  imagery: boolean;
}

/** A [easting, northing] in metres of the plot's GK zone (easting with the zone prefix iff zonePrefix). */
export type GkPoint = readonly [number, number];

/** The plot in the GK plane: polygons, each an outer ring then its holes; rings not closed (no repeated first point). */
export interface PlotGk {
  zone: GkZoneRef;
  zonePrefix: boolean;
  polygons: readonly (readonly (readonly GkPoint[])[])[];
}

/** A numbered boundary point: 点号, X north and Y east as printed (metres), its ring (1 outer, 2… as 报盘 圈号). */
export interface NumberedPoint {
  name: string;
  /** X = northing, Y = easting (Chinese survey convention), metres. */
  x: number;
  y: number;
  ring: number;
  /** 边长 to the next point of the ring, metres (planar, GK). */
  sideMetres: number;
}

/** One row of the area table, in print order; `level` 0 is a block, 1 a 其中 line under it. */
export interface AreaRow {
  label: string;
  level: 0 | 1;
  /** The block's heading, on the block's first row only (总面积, 地类, 规划, 报批, 供地): the rows of one block add up to
   *  the total; the table prints it in its first column so no reader sums two blocks. */
  block?: string;
  planarM2: number;
  mu: number;
  /** The ellipsoidal figure, printed for the total only (labelled). */
  ellipsoidalM2?: number;
  note?: string;
}

/** A layer as it goes on the sheet: its legend (from shared/domain/layers/legend: the map's own symbols) and its
 *  features in the frame, projected to the plot's GK plane. */
export interface SheetLayer {
  id: string;
  name: string;
  role: 'farmland' | 'landClass' | 'planning' | 'approval' | 'supply' | 'boundary' | 'other';
  legend: LegendGroup;
  features: readonly {
    /** Rings (polygons) or paths (lines) in GK metres. */
    kind: 'polygon' | 'line' | 'point';
    parts: readonly (readonly GkPoint[])[];
    /** The legend item this feature is drawn with (its category code; absent for a constant style). */
    code?: string;
    /** Label drawn at its inside point (a land class's DLMC), when it fits. */
    label?: string;
  }[];
}

export interface MapSheetContent {
  /** Record number, 任务编号 (case number when known), location. */
  record: { number: string; taskNo: string; caseNo: string; township: string; village: string; place: string };
  /** Title block: 制图单位, 制图人, 审核人, 日期 (YYYY-MM-DD). */
  titleBlock: { office: string; mapper: string; checker: string; date: string };
  plot: PlotGk;
  points: readonly NumberedPoint[];
  areas: readonly AreaRow[];
  layers: readonly SheetLayer[];
  /** The rendered imagery for the frame (ref given to the renderer beside the sheets), with its source note. */
  imagery: { ref: string; name: string; date: string | null } | null;
  /** Meridian convergence at the frame's centre, degrees (grid north east of true north is positive). */
  convergenceDeg: number;
}
