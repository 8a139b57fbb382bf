/**
 * Overlay analysis table: rows per plot, a block of columns per overlay layer (its groups, then the layer's
 * 其他/未覆盖 so each block adds up to the plot total, Domain rule 3, to the last printed digit). One flat sheet model
 * (`overlaySheet`) feeds the dialog, the CSV (UTF-8 BOM for Excel) and the .xlsx: every figure is the text
 * `printed` gives (shared/domain/units/format.ts), and the .xlsx stores that text's number, so the three
 * can never disagree.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import {
  compareGroups,
  groupValueOf,
  type OverlayLayer,
  type OverlayPlot,
  type OverlayPlotResult,
  type OverlayResult,
} from '../../../shared/domain/geometry/overlay';
import { printedPlot, TABLE_DIGITS, type PrintedFigures } from '../../../shared/domain/geometry/overlay-table';
import { fieldOf, type LayerKind } from '../../../shared/domain/layers/kind';
import { squareMetres, type GkZoneRef, type Mu, type SquareMetres } from '../../../shared/domain/units/area';
import { formatDegrees, formatMu, formatSquareMetres, roundTo, spreadsheetFormat, type FormatOptions } from '../../../shared/domain/units/format';
import type { FieldDef } from '../../../shared/formats/types';
import type { XlsxCell, XlsxWorkbook } from '../../../shared/formats/xlsx/workbook';
import type { Translate } from '../../i18n/i18n.logic';

export interface OverlayLayerChoice {
  layerId: string;
  name: string;
  groupField: string | null;
}

/**
 * What a column shows: the plot id, its total, one group of a grouped layer (`group`: its value, '' for
 * features without one, which share a column), all of an ungrouped layer (occupied), or the layer's 其他/未覆盖.
 */
export type OverlayColumn = { key: string; label: string } & (
  | { role: 'id'; layer: null }
  | { role: 'total'; layer: null }
  | { role: 'group'; layer: string; group: string }
  | { role: 'occupied'; layer: string }
  | { role: 'remainder'; layer: string }
);

export interface OverlayRow {
  id: string;
  /**
   * [m², 亩] per area column: Gauss-Krüger planar m² in `zone` and 亩 (m² × 0.0015), as printed: rounded to
   * 0.01 m² / 0.0001 亩 so that each layer's block adds up to the printed total (printedPlot)
   */
  cells: [SquareMetres, Mu][];
  /** the plot's geodesic area on the CGCS2000 ellipsoid (what 三调 figures compare with) */
  ellipsoidalM2: SquareMetres;
  /** the 3° zone the planar figures are in (the engine works in the plot's zone) */
  zone: GkZoneRef;
  /** what the figures could not include (features the engine could not clip), in the UI language */
  notes: string[];
}

export interface OverlayTable {
  columns: OverlayColumn[];
  rows: OverlayRow[];
}

export interface OverlayTableLabels {
  plot: string;
  total: string;
  uncovered: string;
  occupied: (layer: string) => string;
  /** `count` features of `layer` (record numbers `fids`) could not be used: the layer's figures are incomplete */
  unusable: (layer: string, count: number, fids: string) => string;
  /** `count` features of `layer` had invalid boundaries and were repaired before clipping */
  repaired: (layer: string, count: number, fids: string) => string;
  /** the plot's own boundary was invalid and was repaired */
  plotRepaired: string;
  /** the plot itself could not be overlaid: it has no geometry, or the engine failed on it */
  plotUnusable: (reason: 'engine' | 'no-geometry') => string;
  /** a group of `layer` could not be formed: the layer's figures are incomplete */
  groupUnusable: (layer: string, group: string) => string;
}

/** The field to group an overlay layer by: 地类 name/code, planning zone name; farmland is not grouped. */
export function defaultGroupField(kind: LayerKind, fields: FieldDef[]): string | null {
  if (kind === 'landClass') return fieldOf(fields, 'DLMC', 'DLBM');
  if (kind === 'planningZone') return fieldOf(fields, 'GHFQMC', 'GHFQDM', 'YTQMC', 'TDYTQLXDM', 'GZQLXDM');
  return null;
}

/** The field that numbers a plot: 监测编号, 图斑编号, 标识码… */
export function defaultIdField(fields: FieldDef[]): string | null {
  return fieldOf(fields, 'JCBH', 'TBBH', 'TBYBH', 'BSM', 'BH', 'ID') ?? fields[0]?.name ?? null;
}

/** Feature numbers for a note: the first five, then "…" (a bad layer can have hundreds). */
const fidList = (fids: number[]): string => fids.slice(0, 5).join('、') + (fids.length > 5 ? '…' : '');

function fidsByLayer<L>(list: readonly { layer: L; fid: number }[]): Map<L, number[]> {
  const m = new Map<L, number[]>();
  for (const x of list) m.set(x.layer, [...(m.get(x.layer) ?? []), x.fid]);
  return m;
}

/**
 * Notes for a plot, per layer: features the engine could not use (their area is missing from the layer's
 * groups, so the layer's figures are incomplete: the sheet must say so) and features, or the plot itself,
 * whose invalid boundaries it repaired before clipping.
 */
function plotNotes(p: OverlayPlotResult, labels: OverlayTableLabels): string[] {
  const notes: string[] = [];
  for (const u of p.unusable) {
    if (u.layer === null) notes.push(labels.plotUnusable(u.reason));
    else if (u.fid < 0) notes.push(labels.groupUnusable(u.layer, u.group ?? '—'));
  }
  const features = p.unusable.filter((u): u is typeof u & { layer: string } => u.layer !== null && u.fid >= 0);
  for (const [layer, fids] of fidsByLayer(features)) notes.push(labels.unusable(layer, fids.length, fidList(fids)));
  for (const [layer, fids] of fidsByLayer(p.repaired))
    notes.push(layer === null ? labels.plotRepaired : labels.repaired(layer, fids.length, fidList(fids)));
  return notes;
}

/** A stored polygon feature as the overlay reads it. */
export interface OverlayInputFeature {
  fid: number;
  /** null only for plot records without a polygon (they keep their row, marked). */
  geometry: Polygon | MultiPolygon | null;
  props: Record<string, unknown>;
  /** The GK zone of the feature's own figures (identify's): a plot is overlaid in it, so its total is the same. */
  zone?: GkZoneRef;
}

/** Plots for the engine: numbered by `idField`, or `#fid` where that value is empty. */
export function overlayPlotsOf(features: OverlayInputFeature[], idField: string | null): OverlayPlot[] {
  return features.map((f) => {
    const v = idField ? f.props[idField] : null;
    return {
      id: v === null || v === undefined || String(v).trim() === '' ? `#${f.fid}` : String(v),
      geometryLngLat: f.geometry,
      ...(f.zone ? { zone: f.zone } : {}),
    };
  });
}

/** An overlay layer for the engine, grouped by its chosen field (null group where the value is missing). */
export function overlayLayerOf(choice: OverlayLayerChoice, features: OverlayInputFeature[]): OverlayLayer {
  const g = choice.groupField;
  const areal = features.filter((f): f is OverlayInputFeature & { geometry: Polygon | MultiPolygon } => f.geometry !== null);
  return { name: choice.name, features: areal.map((f) => ({ geometryLngLat: f.geometry, group: g ? groupValueOf(f.props[g]) : null, fid: f.fid })) };
}

const NO_AREA: PrintedFigures = { planarM2: 0, ellipsoidalM2: 0, mu: 0 };

/**
 * The table: per plot, its total and per layer a block (its groups, or what it occupies, then its
 * 其他/未覆盖). Figures are the engine's printed figures (shared/domain/geometry/overlay-table.ts): each
 * block is apportioned to the last printed digit, so the printed parts add up to the printed total.
 */
export function buildOverlayTable(result: OverlayResult, layers: OverlayLayerChoice[], labels: OverlayTableLabels): OverlayTable {
  const columns: OverlayColumn[] = [
    { key: 'id', role: 'id', layer: null, label: labels.plot },
    { key: 'total', role: 'total', layer: null, label: labels.total },
  ];
  for (const l of layers) {
    const groups = new Set<string>();
    for (const p of result.plots) for (const o of p.overlaps) if (o.layer === l.name) groups.add(o.group ?? '');
    if (l.groupField === null) columns.push({ key: `${l.name}|*`, role: 'occupied', layer: l.name, label: labels.occupied(l.name) });
    else
      for (const g of [...groups].sort(compareGroups))
        columns.push({ key: `${l.name}|=${g}`, role: 'group', layer: l.name, group: g, label: `${l.name}·${g === '' ? '—' : g}` });
    columns.push({ key: `${l.name}|~`, role: 'remainder', layer: l.name, label: `${l.name}·${labels.uncovered}` });
  }
  const rows = result.plots.map((p): OverlayRow => {
    const printed = printedPlot(p);
    const figures = (c: OverlayColumn): PrintedFigures => {
      if (c.role === 'id' || c.role === 'total') return printed.total;
      const block = printed.layers.find((b) => b.layer === c.layer);
      if (!block) return c.role === 'remainder' ? printed.total : NO_AREA; // a layer the engine was not given
      if (c.role === 'remainder') return block.remainder;
      if (c.role === 'occupied') return block.covered;
      const parts = block.groups.filter((g) => (g.group ?? '') === c.group).map((g) => g.area);
      return parts.length === 1 ? parts[0]! : addPrinted(parts);
    };
    const cells = columns.slice(1).map((c): [SquareMetres, Mu] => {
      const f = figures(c);
      return [squareMetres(f.planarM2), f.mu as Mu];
    });
    return { id: p.id, cells, ellipsoidalM2: squareMetres(printed.total.ellipsoidalM2), zone: p.zone, notes: plotNotes(p, labels) };
  });
  return { columns, rows };
}

/** Printed figures added (null and '' groups share a column), kept to their printed digits. */
function addPrinted(parts: PrintedFigures[]): PrintedFigures {
  const sum = (get: (f: PrintedFigures) => number, d: number) =>
    roundTo(
      parts.reduce((s, f) => s + get(f), 0),
      d,
    );
  return {
    planarM2: sum((f) => f.planarM2, TABLE_DIGITS.m2),
    ellipsoidalM2: sum((f) => f.ellipsoidalM2, TABLE_DIGITS.m2),
    mu: sum((f) => f.mu, TABLE_DIGITS.mu),
  };
}

/** A cell of the flat sheet: what it is decides how it is printed and, in the .xlsx, its number format. */
export type OverlayValue =
  { kind: 'text'; text: string } | { kind: 'm2'; m2: SquareMetres } | { kind: 'mu'; mu: Mu } | { kind: 'degrees'; degrees: number };
export type OverlayValueKind = OverlayValue['kind'];

export interface OverlaySheet {
  header: { label: string; kind: OverlayValueKind }[];
  rows: OverlayValue[][];
}

export interface OverlaySheetLabels {
  /** unit of the planar columns, naming the area: "高斯平面 m²" */
  planarM2: string;
  mu: string;
  /** header of the plot's ellipsoidal area: "总面积(椭球面积 m²)" */
  ellipsoidalTotal: string;
  zone: string;
  zoneValue: (z: GkZoneRef) => string;
  centralMeridian: string;
  notes: string;
}

/**
 * The one flat table every output prints: plot id; per area column its planar m² and 亩; then the plot's
 * ellipsoidal area, its zone, central meridian and notes (appended, so the per-layer blocks keep their place).
 */
export function overlaySheet(table: OverlayTable, labels: OverlaySheetLabels): OverlaySheet {
  const header: OverlaySheet['header'] = [{ label: table.columns[0]!.label, kind: 'text' }];
  for (const c of table.columns.slice(1))
    header.push({ label: `${c.label}(${labels.planarM2})`, kind: 'm2' }, { label: `${c.label}(${labels.mu})`, kind: 'mu' });
  header.push(
    { label: labels.ellipsoidalTotal, kind: 'm2' },
    { label: labels.zone, kind: 'text' },
    { label: labels.centralMeridian, kind: 'degrees' },
    { label: labels.notes, kind: 'text' },
  );
  const rows = table.rows.map((r): OverlayValue[] => [
    { kind: 'text', text: r.id },
    ...r.cells.flatMap(([m2, mu]): OverlayValue[] => [
      { kind: 'm2', m2 },
      { kind: 'mu', mu },
    ]),
    { kind: 'm2', m2: r.ellipsoidalM2 },
    { kind: 'text', text: labels.zoneValue(r.zone) },
    { kind: 'degrees', degrees: r.zone.centralMeridian },
    { kind: 'text', text: r.notes.join('；') },
  ]);
  return { header, rows };
}

/** The dialog's labels in the UI language (the tests use the same). */
export const overlayTableLabels = (t: Translate): OverlayTableLabels => ({
  plot: t('overlay.col.plot'),
  total: t('overlay.col.total'),
  uncovered: t('overlay.col.uncovered'),
  occupied: (layer) => t('overlay.col.occupied', { layer }),
  unusable: (layer, count, fids) => t('overlay.note.unusable', { layer, count, fids }),
  repaired: (layer, count, fids) => t('overlay.note.repaired', { layer, count, fids }),
  plotRepaired: t('overlay.note.plotRepaired'),
  plotUnusable: (reason) => t(reason === 'no-geometry' ? 'overlay.note.plotNoGeometry' : 'overlay.note.plotFailed'),
  groupUnusable: (layer, group) => t('overlay.note.groupUnusable', { layer, group }),
});
export const overlaySheetLabels = (t: Translate): OverlaySheetLabels => ({
  planarM2: t('overlay.col.planarM2'),
  mu: t('unit.mu'),
  ellipsoidalTotal: t('overlay.col.ellipsoidalTotal'),
  zone: t('overlay.col.zone'),
  zoneValue: (z) => t('overlay.col.zoneValue', { width: z.width, zone: z.zone }),
  centralMeridian: t('overlay.col.centralMeridian'),
  notes: t('overlay.col.notes'),
});

/** A value as every output prints it: m² to 0.01, 亩 to 0.0001 (format.ts), central meridians as whole degrees. */
export function printed(v: OverlayValue, o: Pick<FormatOptions, 'thousands'> = {}): string {
  switch (v.kind) {
    case 'text':
      return v.text;
    case 'm2':
      return formatSquareMetres(v.m2, o);
    case 'mu':
      return formatMu(v.mu, o);
    case 'degrees':
      return formatDegrees(v.degrees, { decimals: 0 }); // a zone's central meridian: whole degrees
  }
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV, UTF-8 with BOM (Excel on Chinese Windows otherwise reads it as GBK), m² to 2 and 亩 to 4 decimals. */
export function overlayCsv(sheet: OverlaySheet): Uint8Array {
  const lines = [sheet.header.map((h) => csvCell(h.label)).join(',')];
  for (const r of sheet.rows) lines.push(r.map((v) => csvCell(printed(v))).join(','));
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}

/** Excel number formats: the decimals `printed` writes (m² 0.01, 亩 0.0001, as the engine apportions them), whole degrees. */
export const OVERLAY_NUM_FMT: Record<Exclude<OverlayValueKind, 'text'>, string> = {
  m2: spreadsheetFormat(TABLE_DIGITS.m2),
  mu: spreadsheetFormat(TABLE_DIGITS.mu),
  degrees: spreadsheetFormat(0),
};

/**
 * The .xlsx cell of a value: figures are numbers, parsed back from the text the CSV prints (so Excel,
 * showing them with OVERLAY_NUM_FMT, shows the CSV's digits, and its sums are the CSV's sums).
 */
export function xlsxCell(v: OverlayValue): XlsxCell {
  const s = printed(v);
  if (v.kind === 'text') return s === '' ? null : s;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

/** The sheet as an .xlsx workbook: one sheet, header frozen with the plot id column, figures as numbers. */
export function overlayWorkbook(sheet: OverlaySheet, sheetName: string, created: Date): XlsxWorkbook {
  return {
    creator: 'LandPatrol 国土执法巡查工作站',
    created,
    sheets: [
      {
        name: sheetName,
        frozenColumns: 1,
        columns: sheet.header.map((h) => (h.kind === 'text' ? { header: h.label } : { header: h.label, numFmt: OVERLAY_NUM_FMT[h.kind] })),
        rows: sheet.rows.map((r) => r.map(xlsxCell)),
      },
    ],
  };
}
