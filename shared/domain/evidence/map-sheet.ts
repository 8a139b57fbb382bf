/**
 * The evidence map sheet (违法用地示意图 / 现场勘测图 / 勘测定界图, issue 13 items 1–3): its plan (paper, zones, the
 * frame's ground at a standard scale) and its layout as display lists (sheet-model.ts).
 *
 * Zones of the paper (mm, x right, y down):
 * - title band (top 10–34 mm): title, 编号/任务编号/案号, location;
 * - map frame: ≥ 20 mm from every paper edge (TD/T 1008 practice), its top at 36 mm; with the legend at the right
 *   the frame takes the left and a column of legend and tables runs beside it to 10 mm from the right edge; with
 *   the legend at the bottom the frame spans the width and the legend and tables sit under it in a row;
 * - a strip under the frame: the scale (1:N and a bar), the CRS note, the convergence, the imagery source;
 * - the title block (制图单位, 制图人, 审核人, 日期) and the signature lines (当事人, 见证人, 执法人员): at the foot of
 *   the column (legend right) or of the sheet (legend bottom), ≥ 10 mm from the paper edge.
 *
 * Ground: the frame's GK extent is centred on the plot's GK bbox, frame mm × scale / 1000 m wide and high, so
 * 1 mm on paper is exactly scale/1000 m of ground on both axes. 'fit' takes the smallest standard scale at which
 * the bbox with a 10 % margin each side fits (scale.ts); past 1:10,000 the plan is refused ('plotTooLarge',
 * with the scale it would need), so the caller can say "choose A3 / a larger scale".
 */
import type { GkZoneRef } from '../units/area';
import { coordinateGrid } from './grid';
import type { GkPoint, MapSheetContent, NumberedPoint, PlotGk, SheetSettings, StandardScale } from './inputs';
import { STANDARD_SCALES } from './inputs';
import { ROLE_ORDER, legendEntries, legendHeight, legendItemOf, legendMarks, paintOf } from './map-legend';
import {
  CONTENT_EDGE_MM,
  FRAME_EDGE_MM,
  GAP,
  SIGNATURES_H_ROW,
  STYLE,
  blockTitleH,
  fill,
  line,
  rectPath,
  text,
  type MapSheetLabels,
} from './map-style';
import { PAGE_TABLE, SHEET_TABLE, areasBlock, pointsBlock, tableHeight, tableMarks, tableSheets, tableWidth, type TableBlock } from './map-tables';
import { boxOf, insideRings, labelCandidates, reachesBox, type Box, type Pt } from './plane';
import { ringsOfPoints } from './points';
import { fitStandardScale, formatScale, formatSignedDms, groundToPaperMm, meridianConvergenceDeg, scaleBar } from './scale';
import { MM_PER_PT, PAPER_SIZES, type FrameGround, type Mark, type Paper, type RectMm, type Sheet } from './sheet-model';
import { textWidthMm, wrapText } from './text-measure';

// The sheet's vocabulary and its tables live in their own modules; these names stay importable from here.
export { CONTENT_EDGE_MM, FRAME_EDGE_MM, MAP_SHEET_LABEL_KEYS, STYLE, fill, type MapSheetLabelKey, type MapSheetLabels } from './map-style';
export { areaTableRows, pointsTableRows } from './map-tables';

/** The imagery for the frame is rendered at this resolution. */
export const IMAGERY_DPI = 300;

/** A map view with no record: the sheet of any map view (no plot, no points, no tables). */
export interface MapViewTarget {
  zone: GkZoneRef;
  zonePrefix: boolean;
  /** The frame's centre, [easting, northing] in the zone. */
  centre: GkPoint;
  /** Used when the settings' scale is 'fit' (a view has nothing to fit). */
  scale: StandardScale;
}

export interface MapSheetZones {
  title: RectMm;
  frame: RectMm;
  /** The legend and tables: the column at the right, or the band under the scale strip. */
  side: RectMm;
  /** Scale, scale bar, CRS note: right under the frame. */
  strip: RectMm;
  titleBlock: RectMm;
  signatures: RectMm;
}

export interface MapSheetPlan {
  settings: SheetSettings;
  paper: Paper;
  zones: MapSheetZones;
  /** The frame's GK extent and scale (pass it as renderImagery's `extent`: it is a GkExtent). */
  ground: FrameGround;
  scale: StandardScale;
  /** The scale was chosen by 'fit'. */
  fitted: boolean;
  /** The imagery for the frame: its pixels at 300 dpi. */
  imagery: { widthPx: number; heightPx: number; dpi: number };
  /** Whether the sheet is of a plot (else of a bare map view). */
  hasPlot: boolean;
}

export type MapSheetPlanResult =
  | { ok: true; plan: MapSheetPlan }
  /** Even 1:10,000 cannot hold the plot with its margin on this paper: `neededScale` is 1:N that would. */
  | { ok: false; reason: 'plotTooLarge'; neededScale: number }
  | { ok: false; reason: 'emptyPlot' };

export function paperOf(name: SheetSettings['paper'], orientation: SheetSettings['orientation']): Paper {
  const s = PAPER_SIZES[name];
  return orientation === 'portrait'
    ? { name, orientation, widthMm: s.shortMm, heightMm: s.longMm }
    : { name, orientation, widthMm: s.longMm, heightMm: s.shortMm };
}

const TITLE_TOP = CONTENT_EDGE_MM;
const FRAME_TOP = 36;
/** Under the frame: room for the Y labels, then the strip. */
const UNDER_FRAME = 4;
const STRIP_H = 14;
const TITLE_BLOCK_H = 12;

/** The zones of a paper for a legend position (see the module comment). */
export function sheetZones(paper: Paper, legend: SheetSettings['legendPosition']): MapSheetZones {
  const W = paper.widthMm;
  const H = paper.heightMm;
  const title: RectMm = { x: FRAME_EDGE_MM, y: TITLE_TOP, w: W - 2 * FRAME_EDGE_MM, h: FRAME_TOP - TITLE_TOP - 2 };
  const bottom = H - CONTENT_EDGE_MM;
  if (legend === 'right') {
    const colW = paper.name === 'A3' ? 84 : 64;
    const frameW = W - FRAME_EDGE_MM - GAP - colW - CONTENT_EDGE_MM;
    const frameH = H - FRAME_TOP - Math.max(FRAME_EDGE_MM, UNDER_FRAME + STRIP_H + CONTENT_EDGE_MM);
    const frame: RectMm = { x: FRAME_EDGE_MM, y: FRAME_TOP, w: frameW, h: frameH };
    const colX = frame.x + frame.w + GAP + 2;
    const sigH = 3 * SIGNATURES_H_ROW;
    const signatures: RectMm = { x: colX, y: bottom - sigH, w: W - CONTENT_EDGE_MM - colX, h: sigH };
    const titleBlock: RectMm = { x: colX, y: signatures.y - GAP - 2 * TITLE_BLOCK_H, w: signatures.w, h: 2 * TITLE_BLOCK_H };
    return {
      title,
      frame,
      side: { x: colX, y: FRAME_TOP, w: signatures.w, h: titleBlock.y - GAP - FRAME_TOP },
      strip: { x: frame.x, y: frame.y + frame.h + UNDER_FRAME, w: frame.w, h: STRIP_H },
      titleBlock,
      signatures,
    };
  }
  const sideH = Math.max(44, Math.round(H * 0.25));
  const frameW = W - 2 * FRAME_EDGE_MM;
  const frameH = H - FRAME_TOP - UNDER_FRAME - STRIP_H - sideH - TITLE_BLOCK_H - SIGNATURES_H_ROW - 2 * GAP - CONTENT_EDGE_MM;
  const frame: RectMm = { x: FRAME_EDGE_MM, y: FRAME_TOP, w: frameW, h: frameH };
  const strip: RectMm = { x: frame.x, y: frame.y + frame.h + UNDER_FRAME, w: frameW, h: STRIP_H };
  const side: RectMm = { x: frame.x, y: strip.y + STRIP_H, w: frameW, h: sideH };
  const titleBlock: RectMm = { x: frame.x, y: side.y + sideH + GAP, w: frameW, h: TITLE_BLOCK_H };
  const signatures: RectMm = { x: frame.x, y: titleBlock.y + TITLE_BLOCK_H + GAP, w: frameW, h: SIGNATURES_H_ROW };
  return { title, frame, side, strip, titleBlock, signatures };
}

const isPlot = (t: PlotGk | MapViewTarget): t is PlotGk => 'polygons' in t;

/** The plan of a map sheet for a plot, or for a bare map view (see the module comment). */
export function planMapSheet(settings: SheetSettings, target: PlotGk | MapViewTarget): MapSheetPlanResult {
  const paper = paperOf(settings.paper, settings.orientation);
  const zones = sheetZones(paper, settings.legendPosition);
  const { frame } = zones;
  let centre: GkPoint;
  let scale: StandardScale;
  let fitted = false;
  if (isPlot(target)) {
    const rings = target.polygons.flat();
    if (rings.every((r) => r.length === 0)) return { ok: false, reason: 'emptyPlot' };
    const b = boxOf(rings);
    centre = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
    if (settings.scale === 'fit') {
      const s = fitStandardScale(b[2] - b[0], b[3] - b[1], frame.w, frame.h);
      if (s === null) {
        const need = Math.max(((b[2] - b[0]) * 1.2 * 1000) / frame.w, ((b[3] - b[1]) * 1.2 * 1000) / frame.h);
        return { ok: false, reason: 'plotTooLarge', neededScale: Math.ceil(need) };
      }
      scale = s;
      fitted = true;
    } else scale = settings.scale;
  } else {
    centre = target.centre;
    scale = settings.scale === 'fit' ? target.scale : settings.scale;
  }
  const halfW = (frame.w * scale) / 2000;
  const halfH = (frame.h * scale) / 2000;
  const ground: FrameGround = {
    zone: target.zone,
    zonePrefix: target.zonePrefix,
    extent: [centre[0] - halfW, centre[1] - halfH, centre[0] + halfW, centre[1] + halfH],
    scale,
  };
  return {
    ok: true,
    plan: {
      settings,
      paper,
      zones,
      ground,
      scale,
      fitted,
      imagery: { widthPx: Math.round((frame.w / 25.4) * IMAGERY_DPI), heightPx: Math.round((frame.h / 25.4) * IMAGERY_DPI), dpi: IMAGERY_DPI },
      hasPlot: isPlot(target),
    },
  };
}

/** The meridian convergence at the frame's centre (MapSheetContent.convergenceDeg), degrees. */
export function convergenceOfPlan(plan: MapSheetPlan): number {
  const [e0, n0, e1, n1] = plan.ground.extent;
  return meridianConvergenceDeg(plan.ground.zone, plan.ground.zonePrefix, (e0 + e1) / 2, (n0 + n1) / 2);
}

/** The standard scales, for a caller offering a choice. */
export const SHEET_SCALES = STANDARD_SCALES;

/** Paper position of a GK point in a frame (sheet-model.ts). */
export function gkToPaper(ground: FrameGround, frame: RectMm): (p: Pt) => [number, number] {
  const [e0, , , n1] = ground.extent;
  const k = 1000 / ground.scale;
  return (p) => [frame.x + (p[0] - e0) * k, frame.y + (n1 - p[1]) * k];
}

/** A polygon's rings closed-free in paper mm. */
const ringsMm = (parts: readonly (readonly Pt[])[], toMm: (p: Pt) => [number, number]) => parts.map((r) => r.map(toMm));

const boxesOverlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Where a J point's number goes: outside the plot, along the outward bisector of its corner; when that spot is
 * taken (another number, a point) or the number would sit on the boundary, the direction turned by ±30°, ±60°,
 * ±90°, then further out. The first free spot wins; else the plain bisector spot.
 */
function numberPosition(
  p: Pt,
  prev: Pt,
  next: Pt,
  plotRingsMm: readonly (readonly Pt[])[],
  offset: number,
  w: number,
  h: number,
  occupied: readonly Box[],
  plotLinesMm: readonly (readonly Pt[])[],
): [number, number] {
  const u = (a: Pt, b: Pt): [number, number] => {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const l = Math.hypot(dx, dy) || 1;
    return [dx / l, dy / l];
  };
  const a = u(p, prev);
  const b = u(p, next);
  let d: [number, number] = [a[0] + b[0], a[1] + b[1]];
  if (Math.hypot(d[0], d[1]) < 1e-6) d = [-a[1], a[0]]; // a straight point: the side's normal
  const l = Math.hypot(d[0], d[1]);
  d = [d[0] / l, d[1] / l];
  const probe: [number, number] = [p[0] + d[0] * offset, p[1] + d[1] * offset];
  if (plotRingsMm.length > 0 && insideRings(probe, plotRingsMm)) d = [-d[0], -d[1]];
  const rot = (v: [number, number], deg: number): [number, number] => {
    const r = (deg * Math.PI) / 180;
    return [v[0] * Math.cos(r) - v[1] * Math.sin(r), v[0] * Math.sin(r) + v[1] * Math.cos(r)];
  };
  const first: [number, number] = [p[0] + d[0] * offset, p[1] + d[1] * offset];
  for (const k of [1, 1.6, 2.3])
    for (const deg of [0, 30, -30, 60, -60, 90, -90]) {
      const v = rot(d, deg);
      // the box's centre far enough along v that the box clears the point
      const reach = offset * k + Math.abs(v[0]) * (w / 2 - 1) * 0.6;
      const c: [number, number] = [p[0] + v[0] * reach, p[1] + v[1] * reach];
      const box: Box = [c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2];
      if (plotRingsMm.length > 0 && insideRings(c, plotRingsMm)) continue;
      if (occupied.some((o) => boxesOverlap(o, box))) continue;
      if (plotLinesMm.length > 0 && reachesBox(plotLinesMm, box, false)) continue;
      return c;
    }
  return first;
}

export interface LayoutOptions {
  /** Draw the table blocks on table sheets even when they fit (a caller's choice; default false). */
  tablesOnTableSheets?: boolean;
}

/**
 * The map sheet, then the table sheets when the tables do not fit on it (same paper, header repeated, 续表).
 * `labels`: the sheet's strings (Chinese for evidence). Bottom → top in the frame: imagery, the layers' polygons
 * and lines with their legend colours (farmland on top of the other layers, its boundary red 0.5 mm), land-class
 * labels, the plot boundary (red 0.3 mm), the J points (0.8 mm circles, red numbers outside the plot), the grid;
 * then the frame, grid labels, north arrow, scale, legend, notes, tables, title block and signatures.
 */
export function layoutMapSheets(plan: MapSheetPlan, content: MapSheetContent, labels: MapSheetLabels, options: LayoutOptions = {}): Sheet[] {
  const L = labels;
  const { zones, ground, paper } = plan;
  const frame = zones.frame;
  const toMm = gkToPaper(ground, frame);
  const marks: Mark[] = [];
  const extentBox: Box = [...ground.extent];
  const na: RectMm = { x: frame.x + frame.w - 15, y: frame.y + 2, w: 13, h: 19 };

  // --- title band
  marks.push(text(paper.widthMm / 2, zones.title.y + 5, plan.settings.title, STYLE.titlePt, { anchor: 'middle', bold: true }));
  const r = content.record;
  const ids = [
    r.number ? fill(L.recordNo, { number: r.number }) : '',
    r.taskNo ? fill(L.taskNo, { taskNo: r.taskNo }) : '',
    r.caseNo ? fill(L.caseNo, { caseNo: r.caseNo }) : '',
  ].filter(Boolean);
  if (ids.length) marks.push(text(paper.widthMm / 2, zones.title.y + 13, ids.join('　　'), STYLE.infoPt, { anchor: 'middle' }));
  const where = [r.township, r.village, r.place].filter(Boolean).join(' ');
  if (where) marks.push(text(paper.widthMm / 2, zones.title.y + 18.5, fill(L.location, { location: where }), STYLE.infoPt, { anchor: 'middle' }));

  // --- the frame's content, bottom to top (all clipped to the frame)
  marks.push(rectPath(frame, { fill: '#ffffff', stroke: null }));
  const overImagery = !!(content.imagery && plan.settings.imagery);
  if (overImagery && content.imagery) marks.push({ kind: 'image', rect: { ...frame }, ref: content.imagery.ref, clip: true });

  // The J points' numbers are placed first (they matter most), then the layers' labels where nothing is.
  const plotRingsMm = plan.hasPlot ? content.plot.polygons.flatMap((poly) => poly.map((ring) => ring.map(toMm))) : [];
  const plotLinesMm = plotRingsMm.map((r) => (r.length > 0 ? [...r, r[0] as [number, number]] : r));
  const occupied: Box[] = [[na.x, na.y, na.x + na.w, na.y + na.h]];
  const pointPos = (p: NumberedPoint): [number, number] => toMm([p.y, p.x]);
  const jMarks: Mark[] = [];
  const numberH = STYLE.pointNumberPt * MM_PER_PT;
  for (const ring of ringsOfPoints(content.points))
    ring.forEach((p) => {
      const [x, y] = pointPos(p);
      occupied.push([x - 0.6, y - 0.6, x + 0.6, y + 0.6]);
    });
  for (const ring of ringsOfPoints(content.points)) {
    ring.forEach((p, i) => {
      const at = pointPos(p);
      const prev = pointPos(ring[(i - 1 + ring.length) % ring.length] as NumberedPoint);
      const next = pointPos(ring[(i + 1) % ring.length] as NumberedPoint);
      jMarks.push({
        kind: 'circle',
        cx: at[0],
        cy: at[1],
        rMm: STYLE.pointDiameterMm / 2,
        fill: '#ffffff',
        stroke: STYLE.plotStroke,
        strokeMm: STYLE.pointStrokeMm,
        clip: true,
      });
      const w = textWidthMm(p.name, STYLE.pointNumberPt);
      const pos = numberPosition(at, prev, next, plotRingsMm, STYLE.pointNumberOffsetMm, w, numberH, occupied, plotLinesMm);
      occupied.push([pos[0] - w / 2, pos[1] - numberH / 2, pos[0] + w / 2, pos[1] + numberH / 2]);
      jMarks.push(
        text(pos[0], pos[1], p.name, STYLE.pointNumberPt, {
          anchor: 'middle',
          color: STYLE.plotStroke,
          clip: true,
          ...(overImagery ? { halo: '#ffffff' } : {}),
        }),
      );
    });
  }

  const drawn = new Map<string, Set<string>>();
  const labelMarks: Mark[] = [];
  const inner: Box = [frame.x + 1.5, frame.y + 1.5, frame.x + frame.w - 1.5, frame.y + frame.h - 1.5];
  for (const role of ROLE_ORDER)
    for (const layer of content.layers.filter((l) => l.role === role && !plan.settings.hiddenLayerIds.includes(l.id))) {
      for (const f of layer.features) {
        const polygon = f.kind === 'polygon';
        if (f.kind === 'point') {
          const p = f.parts[0]?.[0];
          if (!p || p[0] < extentBox[0] || p[0] > extentBox[2] || p[1] < extentBox[1] || p[1] > extentBox[3]) continue;
        } else if (!reachesBox(f.parts, extentBox, polygon)) continue;
        const item = legendItemOf(layer, f.code);
        if (!item) continue;
        let used = drawn.get(layer.id);
        if (!used) drawn.set(layer.id, (used = new Set()));
        used.add(item.code ?? `\u0000${item.label}`);
        const paint = paintOf(layer, item, overImagery);
        if (f.kind === 'point') {
          const [cx, cy] = toMm(f.parts[0]![0]!);
          marks.push({ kind: 'circle', cx, cy, rMm: 0.8, clip: true, ...paint, stroke: '#ffffff', strokeMm: 0.15 });
          continue;
        }
        const mm = ringsMm(f.parts, toMm);
        marks.push({ kind: 'path', rings: mm, closed: polygon, clip: true, ...paint, ...(polygon ? {} : { fill: null }) });
        if (polygon && f.label && role !== 'farmland') {
          const w = textWidthMm(f.label, STYLE.labelPt);
          const h = STYLE.labelPt * MM_PER_PT;
          const spot = labelCandidates(mm, inner).find((c) => {
            if (c.width < w + 2) return false;
            const b: Box = [c.at[0] - w / 2 - 0.5, c.at[1] - h / 2 - 0.3, c.at[0] + w / 2 + 0.5, c.at[1] + h / 2 + 0.3];
            return !occupied.some((o) => boxesOverlap(o, b)) && !reachesBox(plotLinesMm, b, false);
          });
          if (spot) {
            occupied.push([spot.at[0] - w / 2, spot.at[1] - h / 2, spot.at[0] + w / 2, spot.at[1] + h / 2]);
            labelMarks.push(
              text(spot.at[0], spot.at[1], f.label, STYLE.labelPt, {
                anchor: 'middle',
                color: role === 'landClass' ? '#333333' : '#6b3f1f',
                clip: true,
                ...(overImagery ? { halo: '#ffffff' } : {}),
              }),
            );
          }
        }
      }
    }
  marks.push(...labelMarks);

  // the plot and its points
  if (plotRingsMm.length > 0)
    marks.push({ kind: 'path', rings: plotRingsMm, closed: true, clip: true, fill: null, stroke: STYLE.plotStroke, strokeMm: STYLE.plotStrokeMm });
  marks.push(...jMarks);

  // the coordinate grid
  const grid = coordinateGrid(ground, frame, plan.settings.gridSpacingMm);
  for (const l of grid.eastings) marks.push(line([l.mm, frame.y], [l.mm, frame.y + frame.h], STYLE.gridStrokeMm, STYLE.gridStroke, true));
  for (const l of grid.northings) marks.push(line([frame.x, l.mm], [frame.x + frame.w, l.mm], STYLE.gridStrokeMm, STYLE.gridStroke, true));

  // north arrow (grid north), inside the frame's top-right corner
  marks.push(rectPath(na, { fill: '#ffffff', fillOpacity: 0.85, stroke: '#000000', strokeMm: 0.15 }));
  const cx = na.x + na.w / 2;
  marks.push(text(cx, na.y + 3.6, L.north, 9, { anchor: 'middle', bold: true }));
  const tip: [number, number] = [cx, na.y + 6.5];
  const notch: [number, number] = [cx, na.y + 14.5];
  marks.push({ kind: 'path', rings: [[tip, [cx - 3.2, na.y + 17], notch]], closed: true, fill: '#000000', stroke: '#000000', strokeMm: 0.15 });
  marks.push({ kind: 'path', rings: [[tip, [cx + 3.2, na.y + 17], notch]], closed: true, fill: '#ffffff', stroke: '#000000', strokeMm: 0.15 });

  // the frame and the grid's labels and ticks outside it
  marks.push(rectPath(frame, { fill: null, stroke: '#000000', strokeMm: STYLE.frameStrokeMm }));
  const tick = 1.5;
  for (const l of grid.eastings) {
    marks.push(line([l.mm, frame.y - tick], [l.mm, frame.y], 0.15));
    marks.push(line([l.mm, frame.y + frame.h], [l.mm, frame.y + frame.h + tick], 0.15));
    marks.push(text(l.mm, frame.y - tick - 0.4, l.label, STYLE.gridLabelPt, { anchor: 'middle', baseline: 'alphabetic' }));
    marks.push(text(l.mm, frame.y + frame.h + tick + 0.4, l.label, STYLE.gridLabelPt, { anchor: 'middle', baseline: 'top' }));
  }
  for (const l of grid.northings) {
    marks.push(line([frame.x - tick, l.mm], [frame.x, l.mm], 0.15));
    marks.push(line([frame.x + frame.w, l.mm], [frame.x + frame.w + tick, l.mm], 0.15));
    marks.push(text(frame.x - tick - 0.4, l.mm, l.label, STYLE.gridLabelPt, { anchor: 'middle', baseline: 'alphabetic', rotateDeg: -90 }));
    marks.push(text(frame.x + frame.w + tick + 0.4, l.mm, l.label, STYLE.gridLabelPt, { anchor: 'middle', baseline: 'alphabetic', rotateDeg: 90 }));
  }

  // --- the strip: scale and bar at the left, notes at the right
  const st = zones.strip;
  marks.push(text(st.x, st.y + 2.2, fill(L.scale, { scale: formatScale(plan.scale) }), 9, { bold: true }));
  const bar = scaleBar(plan.scale, Math.min(60, st.w * 0.35));
  const by = st.y + 7;
  for (let i = 0; i < bar.segments; i++) {
    const seg: RectMm = { x: st.x + i * bar.segmentMm, y: by, w: bar.segmentMm, h: 1.6 };
    marks.push(rectPath(seg, { fill: i % 2 === 0 ? '#000000' : '#ffffff', stroke: '#000000', strokeMm: 0.15 }));
  }
  bar.labels.forEach((lab, i) => marks.push(text(st.x + i * bar.segmentMm, by + 3.6, lab, 6, { anchor: 'middle' })));
  marks.push(text(st.x + bar.segments * bar.segmentMm + 2, by + 0.8, L.scaleBarUnit, 6));
  const z = ground.zone;
  const noteX = st.x + Math.max(bar.segments * bar.segmentMm + 10, st.w * 0.36);
  const noteW = st.x + st.w - noteX;
  const notes = [
    fill(L.crs, { width: z.width, zone: z.zone, cm: z.centralMeridian }),
    `${L.gridNorth}\u3000${fill(L.convergence, { gamma: formatSignedDms(content.convergenceDeg) })}`,
  ];
  if (content.imagery && plan.settings.imagery)
    notes.push(
      content.imagery.date
        ? fill(L.imagery, { name: content.imagery.name, date: content.imagery.date })
        : fill(L.imageryNoDate, { name: content.imagery.name }),
    );
  let ny = st.y + 1.8;
  for (const n of notes)
    for (const l of wrapText(n, STYLE.notePt - 0.5, noteW)) {
      marks.push(text(noteX, ny, l, STYLE.notePt - 0.5, { maxWidthMm: noteW }));
      ny += (STYLE.notePt - 0.5) * MM_PER_PT * 1.3;
    }

  // --- legend and tables in the side zone
  const side = zones.side;
  const entries = legendEntries(content, drawn, plan, L);
  const tables: TableBlock[] = [];
  if (content.points.length > 0) tables.push(pointsBlock(content.points, L, SHEET_TABLE));
  if (content.areas.length > 0) tables.push(areasBlock(content.areas, L, SHEET_TABLE));
  const overflow: TableBlock[] = [];
  const vertical = plan.settings.legendPosition === 'right';
  // Blocks flow in columns: down the column while they fit under each other, then (legend at the bottom) into a
  // new column to the right. A table that fits nowhere goes, whole, to the table sheets.
  let colX = side.x;
  let colY = side.y;
  let colW = 0;
  const place = (w: number, h: number): { x: number; y: number } | null => {
    if (vertical) {
      if (w > side.w + 1e-9 || colY + h > side.y + side.h + 1e-9) return null;
      const at = { x: side.x, y: colY };
      colY += h + GAP;
      return at;
    }
    if (colW > 0 && colY + h <= side.y + side.h + 1e-9 && w <= colW + 1e-9) {
      const at = { x: colX, y: colY };
      colY += h + GAP;
      return at;
    }
    const x = colW > 0 ? colX + colW + GAP : colX;
    if (x + w > side.x + side.w + 1e-9 || h > side.h + 1e-9) return null;
    colX = x;
    colW = w;
    colY = side.y + h + GAP;
    return { x, y: side.y };
  };
  if (entries.length > 0) {
    const widest = Math.max(...entries.map((e) => textWidthMm(e.label, STYLE.notePt)), textWidthMm(L.legendTitle, STYLE.blockTitlePt));
    const lw = vertical ? side.w : Math.min(side.w / 3, widest + 11);
    const fitRows = Math.max(1, Math.floor((side.h - blockTitleH() - 1) / STYLE.legendRowMm));
    const shown = entries.slice(0, fitRows);
    const at = place(lw, legendHeight(shown.length));
    if (at) marks.push(...legendMarks(shown, at.x, at.y, lw, L));
  }
  for (const t of tables) {
    const at = options.tablesOnTableSheets ? null : place(tableWidth(t), tableHeight(t));
    if (!at) {
      overflow.push(t.kind === 'points' ? pointsBlock(content.points, L, PAGE_TABLE) : areasBlock(content.areas, L, PAGE_TABLE));
      continue;
    }
    marks.push(...tableMarks(t, at.x, at.y, t.title, 0, t.rows.length, true, vertical ? side.w : undefined));
  }

  // --- title block and signatures
  marks.push(...titleBlockMarks(zones.titleBlock, content, L, vertical));
  marks.push(...signatureMarks(zones.signatures, L, vertical));

  const mapSheet: Sheet = { role: 'map', paper, frame: { ...frame }, marks };
  const sheets = [mapSheet, ...tableSheets(plan, content, overflow, L, (r) => signatureMarks(r, L, false))];
  if (sheets.length > 1)
    sheets.forEach((s, i) =>
      s.marks.push(
        text(paper.widthMm / 2, paper.heightMm - 5, fill(L.page, { n: i + 1, total: sheets.length }), 7, { anchor: 'middle', color: '#555555' }),
      ),
    );
  return sheets;
}

function titleBlockMarks(r: RectMm, content: MapSheetContent, L: MapSheetLabels, vertical: boolean): Mark[] {
  const tb = content.titleBlock;
  const labW = 14;
  const rows: string[][] = vertical
    ? [
        [L.titleOffice, tb.office],
        [L.titleMapper, tb.mapper],
        [L.titleChecker, tb.checker],
        [L.titleDate, tb.date],
      ]
    : [
        [L.titleOffice, tb.office, L.titleMapper, tb.mapper],
        [L.titleChecker, tb.checker, L.titleDate, tb.date],
      ];
  const columns = vertical
    ? [
        { title: '', widthMm: labW, align: 'middle' as const },
        { title: '', widthMm: r.w - labW, align: 'start' as const },
      ]
    : [
        { title: '', widthMm: labW, align: 'middle' as const },
        { title: '', widthMm: r.w / 2 - labW, align: 'start' as const },
        { title: '', widthMm: labW, align: 'middle' as const },
        { title: '', widthMm: r.w / 2 - labW, align: 'start' as const },
      ];
  return [{ kind: 'table', x: r.x, y: r.y, columns, rows, rowHeightMm: r.h / rows.length, headerHeightMm: 0, sizePt: STYLE.notePt + 0.5 }];
}

function signatureMarks(r: RectMm, L: MapSheetLabels, vertical: boolean): Mark[] {
  const who = [L.signParty, L.signWitness, L.signOfficer];
  const marks: Mark[] = [];
  const size = STYLE.notePt + 1;
  if (vertical) {
    who.forEach((w, i) => {
      const y = r.y + i * SIGNATURES_H_ROW + SIGNATURES_H_ROW - 2.5;
      const lw = textWidthMm(w, size) + 1;
      marks.push(text(r.x, y, w, size, { baseline: 'alphabetic' }));
      marks.push(line([r.x + lw, y + 0.6], [r.x + r.w, y + 0.6], 0.15));
    });
    return marks;
  }
  const cell = r.w / 3;
  who.forEach((w, i) => {
    const x = r.x + i * cell;
    const y = r.y + r.h - 2.5;
    const lw = textWidthMm(w, size) + 1;
    marks.push(text(x, y, w, size, { baseline: 'alphabetic' }));
    marks.push(line([x + lw, y + 0.6], [x + cell - 4, y + 0.6], 0.15));
  });
  return marks;
}

/** The GK extent as a frame ground's size in mm, to check a plan (both axes at the one scale). */
export const frameGroundMm = (g: FrameGround): [number, number] => [
  groundToPaperMm(g.extent[2] - g.extent[0], g.scale),
  groundToPaperMm(g.extent[3] - g.extent[1], g.scale),
];
