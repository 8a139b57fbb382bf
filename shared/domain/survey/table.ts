/**
 * The 界址点坐标成果表 of a plot, as printed (README "evidence map" conventions): per ring, one row per point —
 * 点号, X, Y to 0.001 m — and between consecutive points the 边长 to 0.01 m and the 坐标方位角 in °′″, the ring
 * closed by repeating its first point. Text from the one units formatter, so the table and the JSON never disagree.
 */
import { formatMetres } from '../units/format';
import { formatDms, gridBearingDegrees } from './bearing';
import type { SurveyPlot } from './plot';

/** 边长 on boundary-point tables: 0.01 m (TD/T 1008 practice). */
export const SIDE_DECIMALS = 2;

export interface BoundaryRow {
  ring: number;
  /** 点号 */
  name: string;
  x: string;
  y: string;
  /** Side from this point to the next (empty on the closing row). */
  sideMetres: string;
  bearing: string;
}

export function boundaryTable(plot: SurveyPlot): BoundaryRow[] {
  const rows: BoundaryRow[] = [];
  for (const r of plot.rings) {
    const n = r.points.length;
    r.points.forEach((p, i) => {
      const next = r.points[(i + 1) % n];
      rows.push({
        ring: r.ringNo,
        name: p.name,
        x: formatMetres(p.x),
        y: formatMetres(p.y),
        sideMetres: n >= 2 ? formatMetres(r.sidesMetres[i] as number, { decimals: SIDE_DECIMALS }) : '',
        bearing: next && n >= 2 ? formatDms(gridBearingDegrees(p, next)) : '',
      });
    });
    const first = r.points[0];
    if (first) rows.push({ ring: r.ringNo, name: first.name, x: formatMetres(first.x), y: formatMetres(first.y), sideMetres: '', bearing: '' });
  }
  return rows;
}
