/**
 * Overlay analysis table: rows per plot, a block of columns per overlay layer (its groups, then the layer's
 * 其他/未覆盖 so each block adds up to the plot total, DOMAIN.md "Area"), CSV with a UTF-8 BOM for Excel.
 */
import { compareGroups, type OverlayResult } from '../../../shared/domain/geometry/overlay';
import { fieldOf, type LayerKind } from '../../../shared/domain/layers/kind';
import { squareMetres, toMu, type Mu, type SquareMetres } from '../../../shared/domain/units/area';
import { formatMu, formatSquareMetres } from '../../../shared/domain/units/format';
import type { FieldDef } from '../../../shared/formats/types';

export interface OverlayLayerChoice {
  layerId: string;
  name: string;
  groupField: string | null;
}

export interface OverlayColumn {
  key: string;
  layer: string | null;
  /** null = the layer's 其他/未覆盖; undefined for the id / total columns */
  group?: string | null;
  label: string;
}

export interface OverlayTable {
  columns: OverlayColumn[];
  /** per row: id, then [m², 亩] per area column */
  rows: { id: string; cells: [SquareMetres, Mu][] }[];
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

export function buildOverlayTable(result: OverlayResult, layers: OverlayLayerChoice[], labels: { plot: string; total: string; uncovered: string; occupied: (layer: string) => string }): OverlayTable {
  const columns: OverlayColumn[] = [{ key: 'id', layer: null, label: labels.plot }, { key: 'total', layer: null, label: labels.total }];
  for (const l of layers) {
    const groups = new Set<string | null>();
    for (const p of result.plots) for (const o of p.overlaps) if (o.layer === l.name) groups.add(o.group);
    const sorted = [...groups].sort(compareGroups);
    if (l.groupField === null) columns.push({ key: `${l.name}|*`, layer: l.name, group: '*', label: labels.occupied(l.name) });
    else for (const g of sorted) columns.push({ key: `${l.name}|${g ?? ''}`, layer: l.name, group: g, label: `${l.name}·${g ?? '—'}` });
    columns.push({ key: `${l.name}|~`, layer: l.name, group: null, label: `${l.name}·${labels.uncovered}` });
  }
  const rows = result.plots.map((p) => {
    const cells: [SquareMetres, Mu][] = [[p.area.planarM2, p.area.mu]];
    for (const c of columns.slice(2)) {
      if (c.group === null) {
        const s = p.byLayer.find((b) => b.layer === c.layer);
        cells.push(s ? [s.uncovered.planarM2, s.uncovered.mu] : [p.area.planarM2, p.area.mu]);
      } else {
        const pieces = p.overlaps.filter((o) => o.layer === c.layer && (c.group === '*' || (o.group ?? '') === (c.group ?? '')));
        const m2 = squareMetres(pieces.reduce((s, o) => s + o.area.planarM2, 0));
        cells.push([m2, toMu(m2)]); // 亩 follows the planar figure
      }
    }
    return { id: p.id, cells };
  });
  return { columns, rows };
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV, UTF-8 with BOM (Excel on Chinese Windows otherwise reads it as GBK), m² to 2 and 亩 to 4 decimals. */
export function overlayCsv(table: OverlayTable, units: { m2: string; mu: string }): Uint8Array {
  const head = [table.columns[0]!.label, ...table.columns.slice(1).flatMap((c) => [`${c.label}(${units.m2})`, `${c.label}(${units.mu})`])];
  const lines = [head.map(csvCell).join(',')];
  for (const r of table.rows) lines.push([csvCell(r.id), ...r.cells.flatMap(([m2, mu]) => [formatSquareMetres(m2), formatMu(mu)])].join(','));
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}
