/**
 * The map sheet's shared vocabulary (map-sheet.ts, map-legend.ts, map-tables.ts): its label keys, its styles, the
 * margins every zone keeps, and the few mark builders they all draw with.
 */
import { MM_PER_PT, type Mark, type Paint, type RectMm } from './sheet-model';
import { fillPlaceholders } from './text-wrap';

/** The frame is at least this far from every paper edge (TD/T 1008 practice: 2 cm). */
export const FRAME_EDGE_MM = 20;
/** Everything else stays this far from the paper edge (a printer's unprintable margin is ≈ 5 mm). */
export const CONTENT_EDGE_MM = 10;
/** Between blocks of the sheet. */
export const GAP = 4;
/** A row of signature lines. */
export const SIGNATURES_H_ROW = 9;

// ---------------------------------------------------------------------------------------------------------------
// Labels: every string of the sheet, from the i18n pair evidence-sheet.*.ts (Chinese for the paper whatever the UI
// language). `{name}` placeholders are filled here.

export const MAP_SHEET_LABEL_KEYS = [
  'recordNo',
  'taskNo',
  'caseNo',
  'location',
  'scale',
  'scaleBarUnit',
  'north',
  'gridNorth',
  'convergence',
  'crs',
  'imagery',
  'imageryNoDate',
  'legendTitle',
  'legendPlot',
  'legendPoints',
  'pointsTitle',
  'pointsName',
  'pointsX',
  'pointsY',
  'pointsSide',
  'areasTitle',
  'areasBlock',
  'areasItem',
  'areasM2',
  'areasMu',
  'areasEllipsoidal',
  'areasNote',
  'continued',
  'tableSheetTitle',
  'titleOffice',
  'titleMapper',
  'titleChecker',
  'titleDate',
  'signParty',
  'signWitness',
  'signOfficer',
  'page',
] as const;
export type MapSheetLabelKey = (typeof MAP_SHEET_LABEL_KEYS)[number];
export type MapSheetLabels = Readonly<Record<MapSheetLabelKey, string>>;

/** A label with its `{name}` placeholders filled: the papers' one filler (text-wrap.ts). */
export const fill = fillPlaceholders;

// ---------------------------------------------------------------------------------------------------------------
// Styles (mm, pt): TD/T 1008 practice where it says so (boundary 0.3 mm red, points 0.8 mm circles, numbers red).

export const STYLE = {
  plotStroke: '#ff0000',
  plotStrokeMm: 0.3,
  pointDiameterMm: 0.8,
  pointStrokeMm: 0.15,
  pointNumberPt: 7,
  pointNumberOffsetMm: 2.2,
  farmlandStroke: '#ff0000',
  farmlandStrokeMm: 0.5,
  gridStroke: '#1a1a1a',
  gridStrokeMm: 0.1,
  gridLabelPt: 6.5,
  frameStrokeMm: 0.3,
  titlePt: 18,
  infoPt: 9,
  notePt: 7,
  tablePt: 7,
  tableRowMm: 4.4,
  tableHeaderMm: 5.4,
  blockTitlePt: 8.5,
  labelPt: 6.5,
  legendRowMm: 5,
  /** A layer's stroke width in screen px → mm on paper. */
  pxToMm: 0.12,
  minStrokeMm: 0.08,
  /** Land-class boundaries over imagery. */
  overImageryClassStroke: '#ffffff',
} as const;

/** A block's title line height (legend, tables). */
export const blockTitleH = (pt: number = STYLE.blockTitlePt) => pt * MM_PER_PT * 1.6;

export const text = (x: number, y: number, t: string, sizePt: number, more: Partial<Extract<Mark, { kind: 'text' }>> = {}): Mark => ({
  kind: 'text',
  x,
  y,
  text: t,
  sizePt,
  ...more,
});

export const rectPath = (r: RectMm, paint: Paint, clip = false): Mark => ({
  kind: 'path',
  rings: [
    [
      [r.x, r.y],
      [r.x + r.w, r.y],
      [r.x + r.w, r.y + r.h],
      [r.x, r.y + r.h],
    ],
  ],
  closed: true,
  ...(clip ? { clip } : {}),
  ...paint,
});

export const line = (a: [number, number], b: [number, number], strokeMm: number, stroke = '#000000', clip = false): Mark => ({
  kind: 'path',
  rings: [[a, b]],
  closed: false,
  stroke,
  strokeMm,
  fill: null,
  ...(clip ? { clip } : {}),
});
