/**
 * The evidence sheet as a display list (issue 13): every page the evidence set prints — the map sheet, the table
 * sheets that continue it, the 现场勘测笔录, the 责令停止违法行为通知书, the photo sheet — is a `Sheet`: a paper size in
 * millimetres and a list of marks placed in millimetres on it (x right, y down from the paper's top-left corner).
 *
 * Layout is pure and computed here, in shared/ (testable without a DOM: scale, grid ticks, numbering, table rows
 * per page); the renderers are thin and draw the same list: SVG for the preview and for Chromium's print
 * (Electron's printToPDF / the browser's print → vector PDF with real text), and a 2D canvas in a worker for the
 * 300-dpi PNG. A mark never carries screen pixels: 1 mm on the list is 1 mm on paper.
 *
 * Map content is laid out in the plot's Gauss-Krüger plane (X = north): a point (easting E, northing N) of the
 * frame's GK extent [E0, N0, E1, N1] at scale 1:S lands at x = frame.x + (E − E0) · 1000 / S,
 * y = frame.y + (N1 − N) · 1000 / S (mm). Grid north is up; the convergence is noted, never rotated away.
 */
import type { GkZoneRef } from '../units/area';

export const PAPER_SIZES = { A4: { shortMm: 210, longMm: 297 }, A3: { shortMm: 297, longMm: 420 } } as const;
export type PaperName = keyof typeof PAPER_SIZES;
export type Orientation = 'portrait' | 'landscape';

export interface Paper {
  name: PaperName;
  orientation: Orientation;
  widthMm: number;
  heightMm: number;
}

/** A rectangle on the paper, mm. */
export interface RectMm {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Stroke and fill of a mark. Colours are CSS hex (#rrggbb); widths in mm (0.3 mm red boundary, TD/T practice). */
export interface Paint {
  fill?: string | null;
  fillOpacity?: number;
  stroke?: string | null;
  strokeMm?: number;
  /** Dash pattern in mm. */
  dashMm?: readonly number[];
}

/** Font size in points (1 pt = 25.4 / 72 mm), as a print designer states it. */
export type FontPt = number;

export type Mark =
  /** Rings in mm (each closed implicitly); even-odd fill, so holes are holes. `clip`: drawn inside the map frame only. */
  | ({ kind: 'path'; rings: readonly (readonly [number, number])[][]; closed: boolean; clip?: boolean } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; rMm: number; clip?: boolean } & Paint)
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      sizePt: FontPt;
      color?: string;
      bold?: boolean;
      /** Horizontal anchor at x. */
      anchor?: 'start' | 'middle' | 'end';
      /** Vertical reference at y: the text's middle (default), its top or its alphabetic baseline. */
      baseline?: 'middle' | 'top' | 'alphabetic';
      /** Degrees clockwise (a Y label along a vertical frame side reads bottom-up: −90). */
      rotateDeg?: number;
      /** A halo of this colour around the glyphs (a label over imagery); absent: none. */
      halo?: string;
      /** Layout wraps long text into lines itself; this is only the width it was laid out for (mm). */
      maxWidthMm?: number;
      clip?: boolean;
    }
  /** A raster placed on the rect, e.g. the imagery rendered for the frame (`ref` names an image the renderer is
   *  given beside the sheet: the list stays serialisable and small). */
  | { kind: 'image'; rect: RectMm; ref: string; opacity?: number; clip?: boolean }
  /** A table drawn as ruled cells: the layout has already decided which rows are on this sheet. */
  | {
      kind: 'table';
      x: number;
      y: number;
      columns: readonly { title: string; widthMm: number; align: 'start' | 'middle' | 'end' }[];
      /** The header row is repeated on every sheet a table continues on. */
      rows: readonly (readonly string[])[];
      rowHeightMm: number;
      headerHeightMm: number;
      sizePt: FontPt;
      /** Rows drawn bold (a 合计 row). */
      boldRows?: readonly number[];
    };

export interface Sheet {
  /** 'map' | 'table' | 'record' | 'notice' | 'photos' — what the page is (the export names and orders them). */
  role: 'map' | 'table' | 'record' | 'notice' | 'photos';
  paper: Paper;
  /** The map frame on this sheet, when it has one: `clip` marks are clipped to it. */
  frame: RectMm | null;
  marks: Mark[];
}

/** A map frame's ground: the GK extent drawn in it and the scale. */
export interface FrameGround {
  zone: GkZoneRef;
  zonePrefix: boolean;
  /** [minEasting, minNorthing, maxEasting, maxNorthing] in metres of the zone. */
  extent: [number, number, number, number];
  /** 1:scale. */
  scale: number;
}

export const MM_PER_PT = 25.4 / 72;
