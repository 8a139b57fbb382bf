/**
 * The 现场勘测笔录 of an evidence set (issue 13 item 4), laid out as a display list (sheet-model.ts) on A4 portrait:
 * The 笔录 as a ruled form (行政诉讼证据规定 第十五条: time, place and events, signed by the
 *   officers and the party, a refusal noted with its reason; 国土资源行政处罚办法 lists it as evidence) — 勘测时间 from–
 *   to, 地点, 勘测人员 with 执法证号, 当事人, 见证人, 仪器及方法, 现状及建设情况, 四至, 面积 (the comparison's rows as the
 *   feature passes them), the 界址点 table, a sketch of the plot with its J labels, 照片编号, the closing line and the
 *   signature and refusal lines; every page carries the party's and officers' initials line and 第 n 页 共 N 页.
 *
 * Figures are never computed here: areas come as AreaRows (already apportioned so they add up), points as the
 * record holds them (X/Y to 0.001 m through the units formatter, 边长 to 0.01 m as survey tables print them).
 * Dates: 2026年12月1日 in Arabic numerals (GB/T 9704-2012 7.3.5.2 for 成文日期; also what pdftotext finds verbatim).
 */
import type { ConstructionState } from '../inspection/inspection-record';
import { formatMetres, formatMu, formatSquareMetres } from '../units/format';
import type { Mu, SquareMetres } from '../units/area';
import { SIDE_DECIMALS } from '../survey/table';
import type { AreaRow, NumberedPoint, PlotGk } from './inputs';
import type { Mark, Sheet } from './sheet-model';
import type { EvidenceTemplate } from './template';
import type { PaperLabels } from './paper-labels';
import { fillPlaceholders, lineHeightMm, PageFlow } from './text-wrap';
import {
  BODY_PT,
  CONTENT_LEFT_MM,
  CONTENT_RIGHT_MM,
  CONTENT_WIDTH_MM,
  chinaDate,
  chinaDateTime,
  dateKeyChinese,
  finishPages,
  FLOW_BOTTOM_MM,
  formRow,
  formTableRow,
  LABEL_WIDTH_MM,
  line,
  MARGIN_MM,
  paragraphs,
  rect,
  signatureLine,
  SMALL_PT,
  text,
  TITLE_PT,
  valueLines,
  A4_PORTRAIT,
  type TableColumn,
} from './paper-kit';

/** What of the record the papers print. */
import { officersText, placeText, type PaperRecord } from './paper-record';

export interface SiteRecordInput {
  record: PaperRecord;
  /** The area table's rows (E-A's areaRows from the stored comparison), in print order. */
  areas: readonly AreaRow[];
  /** The 界址点 (E-A's pointsOfRecord): as the record holds them. */
  points: readonly NumberedPoint[];
  /** The plot in the GK plane, for the sketch and the CRS note; null: no sketch. */
  plot: PlotGk | null;
  /** 照片编号 of the photos that go with the record, in their order. */
  photoNumbers: readonly string[];
}

const constructionLabel = (c: ConstructionState | null, l: PaperLabels): string =>
  c === 'levelled' ? l.constructionLevelled : c === 'building' ? l.constructionBuilding : c === 'built' ? l.constructionBuilt : l.unknown;

/** 勘测时间: the site record's start–end; the end's date left out when it is the start's day. */
export function surveyTimeText(record: PaperRecord, l: PaperLabels): string {
  const from = record.siteRecord?.startedAt ?? record.inspectedAt;
  const to = record.siteRecord?.endedAt ?? null;
  if (from === null) return l.unknown;
  if (to === null) return chinaDateTime(from);
  const end = chinaDate(to) === chinaDate(from) ? chinaDateTime(to).slice(chinaDate(to).length) : chinaDateTime(to);
  return fillPlaceholders(l.timeRange, { from: chinaDateTime(from), to: end });
}

/** The page's heading: the title and the record number on the first page, a running head on the others. */
function siteHeading(number: string, office: string, l: PaperLabels) {
  return (marks: Mark[], page: number): number => {
    const cx = A4_PORTRAIT.widthMm / 2;
    if (page === 0) {
      if (office) marks.push(text(cx, MARGIN_MM.top + 2, office, 12, { anchor: 'middle' }));
      marks.push(text(cx, MARGIN_MM.top + 12, l.siteTitle, TITLE_PT, { anchor: 'middle', bold: true }));
      marks.push(text(CONTENT_RIGHT_MM, MARGIN_MM.top + 22, fillPlaceholders(l.numberLine, { number }), BODY_PT, { anchor: 'end' }));
      return MARGIN_MM.top + 27;
    }
    marks.push(text(CONTENT_LEFT_MM, MARGIN_MM.top + 2, `${l.siteTitle}${l.continued}`, BODY_PT, { bold: true }));
    marks.push(text(CONTENT_RIGHT_MM, MARGIN_MM.top + 2, fillPlaceholders(l.numberLine, { number }), BODY_PT, { anchor: 'end' }));
    marks.push(line(CONTENT_LEFT_MM, MARGIN_MM.top + 5.5, CONTENT_RIGHT_MM, MARGIN_MM.top + 5.5, 0.3));
    return MARGIN_MM.top + 9;
  };
}

function partyLines(r: PaperRecord, l: PaperLabels): string[] {
  const p = r.party;
  if (!p || p.name.trim() === '') return [l.partyUnknown];
  const unit = p.kind === 'unit';
  const out = [fillPlaceholders(unit ? l.partyUnit : l.partyPerson, { name: p.name })];
  out.push(fillPlaceholders(unit ? l.unitId : l.personId, { idNo: p.idNo || l.unknown }));
  out.push(fillPlaceholders(l.address, { address: p.address || l.unknown }));
  out.push(fillPlaceholders(l.contact, { contact: p.contact || l.unknown }));
  return out;
}

/** The area table's columns in the value cell (135 mm). */
const AREA_COLUMNS = (l: PaperLabels): TableColumn[] => [
  { title: l.areaBlock, widthMm: 14, align: 'middle' },
  { title: l.areaItem, widthMm: 37, align: 'start' },
  { title: l.areaM2, widthMm: 27, align: 'end' },
  { title: l.areaMu, widthMm: 20, align: 'end' },
  { title: l.areaNote, widthMm: 37, align: 'start' },
];

export function areaTableRows(areas: readonly AreaRow[], l: PaperLabels): { rows: string[][]; bold: number[] } {
  const rows: string[][] = [];
  const bold: number[] = [];
  areas.forEach((a, i) => {
    const note = [
      a.ellipsoidalM2 !== undefined ? fillPlaceholders(l.ellipsoidal, { m2: formatSquareMetres(a.ellipsoidalM2 as SquareMetres) }) : '',
      a.note ?? '',
    ]
      .filter((s) => s !== '')
      .join('；');
    rows.push([
      a.block ?? '',
      `${a.level === 1 ? '\u3000' : ''}${a.label}`,
      formatSquareMetres(a.planarM2 as SquareMetres),
      formatMu(a.mu as Mu),
      note,
    ]);
    if (a.level === 0 && i === 0) bold.push(i);
  });
  return { rows, bold };
}

const POINT_COLUMNS = (l: PaperLabels): TableColumn[] => [
  { title: l.pointName, widthMm: 20, align: 'middle' },
  { title: l.pointRing, widthMm: 13, align: 'middle' },
  { title: l.pointX, widthMm: 37, align: 'end' },
  { title: l.pointY, widthMm: 38, align: 'end' },
  { title: l.pointSide, widthMm: 27, align: 'end' },
];

/** The 界址点 rows: each point with its side to the next; each ring closed by its first point again (survey tables). */
export function pointTableRows(points: readonly NumberedPoint[]): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < points.length) {
    const ring = (points[i] as NumberedPoint).ring;
    const first = points[i] as NumberedPoint;
    for (; i < points.length && (points[i] as NumberedPoint).ring === ring; i++) {
      const p = points[i] as NumberedPoint;
      rows.push([p.name, String(p.ring), formatMetres(p.x), formatMetres(p.y), formatMetres(p.sideMetres, { decimals: SIDE_DECIMALS })]);
    }
    rows.push([first.name, String(first.ring), formatMetres(first.x), formatMetres(first.y), '']);
  }
  return rows;
}

/** The easting without its zone prefix (the prefix is the zone × 10⁶ on top of the 500 km false easting). */
const bareEasting = (e: number): number => (Math.abs(e) >= 1e6 ? e - Math.trunc(e / 1e6) * 1e6 : e);

/**
 * The sketch: the plot's rings scaled to fit a box (grid north up, equal scale on both axes), outline in red with
 * its holes, each 界址点 as a 0.8 mm circle with its name set outward from the ring's centre, and a north arrow.
 */
export function sketchMarks(
  plot: PlotGk,
  points: readonly NumberedPoint[],
  box: { x: number; y: number; w: number; h: number },
  l: PaperLabels,
): Mark[] {
  const rings = plot.polygons.flatMap((poly) => poly.map((ring) => ring.map(([e, n]) => [bareEasting(e), n] as const)));
  const all = [...rings.flat(), ...points.map((p) => [bareEasting(p.y), p.x] as const)];
  if (all.length === 0) return [];
  const minE = Math.min(...all.map((p) => p[0]));
  const maxE = Math.max(...all.map((p) => p[0]));
  const minN = Math.min(...all.map((p) => p[1]));
  const maxN = Math.max(...all.map((p) => p[1]));
  const pad = 10;
  const mmPerM = Math.min((box.w - 2 * pad) / Math.max(maxE - minE, 1e-6), (box.h - 2 * pad) / Math.max(maxN - minN, 1e-6));
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const midE = (minE + maxE) / 2;
  const midN = (minN + maxN) / 2;
  const at = (e: number, n: number): [number, number] => [cx + (e - midE) * mmPerM, cy - (n - midN) * mmPerM];
  const marks: Mark[] = [];
  for (const poly of plot.polygons) {
    marks.push({
      kind: 'path',
      rings: poly.map((ring) => ring.map(([e, n]) => at(bareEasting(e), n))),
      closed: true,
      fill: '#ff0000',
      fillOpacity: 0.08,
      stroke: '#e00000',
      strokeMm: 0.3,
    });
  }
  // Each label set off outside the plot, along its corner's bisector (flipped when that points into the plot: a
  // re-entrant corner, or a hole's corner whose outside is the hole).
  const mmRings = plot.polygons.flatMap((poly) => poly.map((ring) => ring.map(([e, n]) => at(bareEasting(e), n))));
  const insideRings = (rings: readonly (readonly [number, number])[][], x: number, y: number): boolean => {
    let inside = false;
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as [number, number];
        const [xj, yj] = ring[j] as [number, number];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    return inside;
  };
  const insidePlot = (x: number, y: number) => insideRings(mmRings, x, y);
  const byRing = new Map<number, NumberedPoint[]>();
  for (const p of points) byRing.set(p.ring, [...(byRing.get(p.ring) ?? []), p]);
  for (const ringPoints of byRing.values()) {
    const mm = ringPoints.map((p) => at(bareEasting(p.y), p.x));
    // A hole's labels go on the plot's side of its corners (a hole is small; its inside would crowd them).
    const mx = mm.reduce((t, q) => t + q[0], 0) / mm.length;
    const my = mm.reduce((t, q) => t + q[1], 0) / mm.length;
    const hole = insideRings([mm], mx, my) && !insidePlot(mx, my);
    ringPoints.forEach((p, i) => {
      const [px, py] = mm[i] as [number, number];
      const [ax, ay] = mm[(i + mm.length - 1) % mm.length] as [number, number];
      const [bx, by] = mm[(i + 1) % mm.length] as [number, number];
      const unit = (x: number, y: number): [number, number] => {
        const d = Math.hypot(x, y);
        return d > 1e-9 ? [x / d, y / d] : [0, 0];
      };
      const u = unit(px - ax, py - ay);
      const v = unit(px - bx, py - by);
      let [dx, dy] = unit(u[0] + v[0], u[1] + v[1]);
      if (dx === 0 && dy === 0) [dx, dy] = [-u[1], u[0]];
      if (insidePlot(px + dx * 1.5, py + dy * 1.5) !== hole) [dx, dy] = [-dx, -dy];
      marks.push({ kind: 'circle', cx: px, cy: py, rMm: 0.4, fill: '#ffffff', stroke: '#e00000', strokeMm: 0.2 });
      marks.push(text(px + dx * 3, py + dy * 3, p.name, 7, { anchor: dx > 0.35 ? 'start' : dx < -0.35 ? 'end' : 'middle', color: '#e00000' }));
    });
  }
  // North arrow (grid north) at the box's upper right.
  const ax = box.x + box.w - 8;
  const ay = box.y + 5;
  marks.push({
    kind: 'path',
    rings: [
      [
        [ax, ay],
        [ax + 2, ay + 7],
        [ax, ay + 5.5],
        [ax - 2, ay + 7],
      ],
    ],
    closed: true,
    fill: '#000000',
    stroke: '#000000',
    strokeMm: 0.2,
  });
  marks.push(text(ax, ay + 10, l.north, 8, { anchor: 'middle' }));
  marks.push(text(box.x + 2, box.y + box.h - 3, l.sketchNote, 7, { color: '#444444' }));
  return marks;
}

const SKETCH_HEIGHT_MM = 80;

/** The 现场勘测笔录 as sheets (role 'record'). */
export function layoutSiteRecord(input: SiteRecordInput, template: Pick<EvidenceTemplate, 'mapUnit'>, l: PaperLabels): Sheet[] {
  const r = input.record;
  const site = r.siteRecord;
  const flow = new PageFlow(FLOW_BOTTOM_MM - 8, siteHeading(r.number, template.mapUnit, l));
  const row = (label: string, paragraphsText: readonly string[]) => formRow(flow, label, valueLines(paragraphsText), l.continued);

  row(l.time, [surveyTimeText(r, l)]);
  row(l.place, [placeText(r) || l.unknown]);
  row(l.officers, [officersText(r, l) || l.unknown]);
  row(l.party, partyLines(r, l));
  const witnesses = site?.witnesses ?? [];
  row(
    l.witnesses,
    witnesses.length === 0
      ? [l.none]
      : witnesses.map((w) => fillPlaceholders(l.witnessItem, { name: w.name, idNo: w.idNo || l.unknown, contact: w.contact || l.unknown })),
  );
  row(l.instrument, [
    fillPlaceholders(l.instrumentLine, { instrument: site?.instrument || l.unknown }),
    fillPlaceholders(l.methodLine, { method: site?.method || l.unknown }),
  ]);
  row(l.situation, [
    [
      fillPlaceholders(l.landUseLine, { use: r.landUse || l.unknown }),
      fillPlaceholders(l.constructionLine, { state: constructionLabel(r.construction, l) }),
      fillPlaceholders(l.useSinceLine, { date: r.useSince ? dateKeyChinese(r.useSince) : l.unknown }),
    ].join('；'),
    ...(r.description.trim() ? [r.description.trim()] : []),
  ]);
  const b = site?.boundaries ?? { east: '', south: '', west: '', north: '' };
  const side = (s: string) => s.trim() || l.unknown;
  row(l.boundaries, [
    fillPlaceholders(l.boundaryEastSouth, { east: side(b.east), south: side(b.south) }),
    fillPlaceholders(l.boundaryWestNorth, { west: side(b.west), north: side(b.north) }),
  ]);
  if (input.areas.length > 0) {
    const t = areaTableRows(input.areas, l);
    formTableRow(flow, l.area, AREA_COLUMNS(l), t.rows, l.continued, t.bold);
  } else row(l.area, [l.unknown]);
  if (input.points.length > 0) {
    formTableRow(flow, l.points, POINT_COLUMNS(l), pointTableRows(input.points), l.continued);
    if (input.plot) {
      const z = input.plot.zone;
      flow.y += 1;
      paragraphs(flow, [fillPlaceholders(l.crsNote, { width: z.width, zone: z.zone, cm: z.centralMeridian })], SMALL_PT, { leading: 1.4, gapMm: 1 });
    }
  } else row(l.points, [l.none]);
  if (input.plot && input.plot.polygons.length > 0) {
    flow.ensure(SKETCH_HEIGHT_MM);
    const y = flow.y;
    const h = Math.min(SKETCH_HEIGHT_MM, flow.roomMm);
    flow.marks.push(
      rect(CONTENT_LEFT_MM, y, CONTENT_WIDTH_MM, h),
      line(CONTENT_LEFT_MM + LABEL_WIDTH_MM, y, CONTENT_LEFT_MM + LABEL_WIDTH_MM, y + h),
    );
    flow.marks.push(text(CONTENT_LEFT_MM + LABEL_WIDTH_MM / 2, y + h / 2, l.sketch, BODY_PT, { anchor: 'middle', bold: true }));
    flow.marks.push(...sketchMarks(input.plot, input.points, { x: CONTENT_LEFT_MM + LABEL_WIDTH_MM, y, w: CONTENT_WIDTH_MM - LABEL_WIDTH_MM, h }, l));
    flow.y += h;
  }
  row(l.photos, [input.photoNumbers.length > 0 ? input.photoNumbers.join('、') : l.none]);

  // The closing and the signatures stay together on one page.
  const refusal = site?.refusal.trim() ?? '';
  flow.ensure(lineHeightMm(BODY_PT, 1.6) + 4 * 11 + 4);
  flow.y += 3;
  paragraphs(flow, [site && !site.partyPresent ? l.partyAbsent : l.closing], BODY_PT, { indentEm: 2 });
  signatureLine(flow, l.signParty, l.dateBlank);
  signatureLine(flow, l.signWitness, l.dateBlank);
  signatureLine(flow, l.signOfficers, l.dateBlank);
  signatureLine(flow, l.refusal, '', BODY_PT, refusal);

  return finishPages(flow.pages, 'record', { pageOf: l.pageOf, footSignatures: [l.footParty, l.footOfficers] });
}
