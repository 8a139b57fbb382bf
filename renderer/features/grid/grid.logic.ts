/**
 * The 网格 panel's pure logic: the area tree flattened into rows (depth, cells below), the areas as one lon/lat
 * FeatureCollection for the map's live layer, and an area's figures (planar m² in its GK zone and 亩 from it,
 * README Domain rule 1) from its stored boundary.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { featureAreas } from '../../../shared/domain/geometry/area';
import { defaultZoneOf } from '../../../shared/domain/grid/area-geometry';
import { labelPointOf } from '../../../shared/domain/grid/label-point';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { buildGridTree, type GridTreeNode } from '../../../shared/domain/grid/tree.logic';
import type { AreaFigures } from '../../../shared/domain/units/area';

export interface GridRow {
  area: GridArea;
  depth: number;
  /** Cells anywhere below this area (a cell counts itself: 1). */
  cells: number;
}

/** Depth-first, in the tree's sibling order (codes, then names as a Chinese reader orders them). */
export function gridRows(areas: readonly GridArea[]): GridRow[] {
  const tree = buildGridTree(areas);
  const out: GridRow[] = [];
  const walk = (node: GridTreeNode<GridArea>, depth: number): number => {
    const row: GridRow = { area: node.area, depth, cells: 0 };
    out.push(row);
    let cells = node.area.level === 'cell' ? 1 : 0;
    for (const c of node.children) cells += walk(c, depth + 1);
    row.cells = cells;
    return cells;
  };
  for (const r of tree.roots) walk(r, 0);
  return out;
}

/** The areas with a boundary, `fid` their index in `areas` (what a map hit names), `name` and `level` for styling. */
export function gridFeatures(areas: readonly GridArea[], only?: (a: GridArea) => boolean): FeatureCollection {
  const features: Feature[] = [];
  areas.forEach((a, fid) => {
    if (!a.geometry || (only && !only(a))) return;
    features.push({ type: 'Feature', id: fid, geometry: a.geometry, properties: { fid, id: a.id, name: a.name, level: a.level } });
  });
  return { type: 'FeatureCollection', features };
}

/** One point inside each area with a boundary (labelPointOf), carrying its `name`: the label source of a grid layer. */
export function gridLabelPoints(areas: readonly GridArea[], only?: (a: GridArea) => boolean): FeatureCollection {
  const features: Feature[] = [];
  for (const a of areas) {
    if (!a.geometry || (only && !only(a))) continue;
    const p = labelPointOf(a.geometry);
    if (p) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: { name: a.keyArea ? `${a.name} ★` : a.name } });
  }
  return { type: 'FeatureCollection', features };
}

/** Pieces with a text each (a topology overlap with its m², a pending area with its name): label points of their own. */
export function pieceLabels(pieces: readonly { geometry: Feature['geometry']; text: string }[]): FeatureCollection {
  const features: Feature[] = [];
  for (const piece of pieces) {
    const g = piece.geometry;
    const p = g.type === 'Polygon' || g.type === 'MultiPolygon' ? labelPointOf(g) : null;
    if (p) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: { name: piece.text } });
  }
  return { type: 'FeatureCollection', features };
}

/** Null for an area not drawn yet; the zone is the record's, else the 3° zone of its centre (as the record defaults). */
export function areaFiguresOf(area: GridArea): AreaFigures | null {
  if (!area.geometry) return null;
  return featureAreas(area.geometry, { zone: area.zone ?? defaultZoneOf(area.geometry) });
}

/** maplibre's metres per pixel at zoom 0 on the equator (512 px tiles). */
const METRES_PER_PX_Z0 = 40_075_016.686 / 512;

/**
 * The zoom from which area labels are drawn: where the typical area (the median of their boxes' widths) is at least
 * `px` pixels wide, so a name fits inside its area instead of piling up over its neighbours. 500 m cells get their
 * names from about zoom 13.5, 40 m cells from about 17: a township of 5,000 small cells is not asked to place 5,000
 * labels on every frame of a pan (collision placement runs on the UI thread). Clamped to 10–20.
 */
export function labelMinZoom(areas: readonly GridArea[], px = 100): number {
  const widths: number[] = [];
  let latSum = 0;
  for (const a of areas) {
    if (!a.geometry) continue;
    let w = Infinity;
    let e = -Infinity;
    let s = Infinity;
    let n = -Infinity;
    const rings = a.geometry.type === 'Polygon' ? a.geometry.coordinates : a.geometry.coordinates.flat();
    for (const ring of rings)
      for (const p of ring) {
        w = Math.min(w, p[0] as number);
        e = Math.max(e, p[0] as number);
        s = Math.min(s, p[1] as number);
        n = Math.max(n, p[1] as number);
      }
    if (!Number.isFinite(w)) continue;
    const lat = (s + n) / 2;
    latSum += lat;
    widths.push((e - w) * 111_320 * Math.cos((lat * Math.PI) / 180));
  }
  if (widths.length === 0) return 10;
  widths.sort((x, y) => x - y);
  const median = widths[Math.floor(widths.length / 2)] as number;
  const lat = latSum / widths.length;
  if (!(median > 0)) return 20;
  const z = Math.log2((METRES_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180) * px) / median);
  return Math.min(20, Math.max(10, Math.round(z * 2) / 2));
}
