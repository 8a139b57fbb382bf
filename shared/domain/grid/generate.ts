/**
 * Cells inside a parent area: square cells of a chosen size, N×M cells over the parent's extent, or hexagons,
 * computed in the parent's CGCS2000 GK zone (planar metres: turf's grids are in degrees or measure with haversine,
 * wrong on a GK plane) and clipped to the parent by the one geometry engine (GEOS OverlayNG, README Decision 15).
 *
 * - The lattice starts at the north-west corner of the parent's extent in the plane; cells are numbered row by row
 *   from the north-west (west → east, then the next row south), the order names are given in (杏园村-01 …).
 * - Every lattice line is computed from its integer index by one formula, so neighbouring cells share their edges
 *   exactly and the pieces tile the parent: Σ cells = parent, planar, to float noise (generate.spec.ts, against GEOS
 *   through shapely).
 * - A piece with nothing left is dropped. A piece smaller than the sliver threshold (default 5 % of a whole cell) is a
 *   sliver: by default it is merged into the whole cell it shares the longest border with, so the cells still cover
 *   the parent; one that borders no whole cell stays a cell of its own. With `slivers: 'drop'` slivers are dropped.
 *   Either way every sliver is reported with its area and what became of it.
 * - Figures are the engine's (plane.ts): planar m² from GEOS, ellipsoidal from the lon/lat piece, 亩 from planar.
 */
import { EngineError, type GeometryEngine, type Polygons } from '../geometry/engine/engine';
import type { Ptr } from '../geometry/engine/geos-api';
import { polygonsBbox, type Bbox } from '../geometry/bbox';
import { squareMetres, type AreaFigures, type GkZoneRef } from '../units/area';
import { featureAreas } from '../geometry/area';
import { fail, ok, type Validation } from '../../validation/validation';
import { defaultZoneOf, type AreaGeometry } from './area-geometry';
import { pieceOf, planeGeometry, zonePlane } from './plane';
import { sharedBoundaryMetres } from './shared-boundary';
import { createGridArea, type AreaEditInfo, type GridArea, type GridAreaReason } from './area-record';
import { childLevelOf, type AreaLevel } from './levels';
import { nextChildNames } from './tree.logic';

export type CellLayout =
  /** Squares of `sizeMetres` a side. */
  | { kind: 'square'; sizeMetres: number }
  /** `rows` × `cols` equal rectangles over the parent's extent. */
  | { kind: 'rowsCols'; rows: number; cols: number }
  /** Pointy-top hexagons, `sizeMetres` across the flats (the distance between neighbouring centres). */
  | { kind: 'hex'; sizeMetres: number };

export interface GenerateOptions {
  layout: CellLayout;
  /** Pieces of a smaller planar area are slivers; default 5 % of a whole cell's area. */
  sliverM2?: number;
  /** What becomes of a sliver: merged into its neighbour (default, the cells keep covering the parent) or dropped. */
  slivers?: 'merge' | 'drop';
  /** Names already used under the parent: numbering continues after them (nextChildNames). */
  takenNames?: readonly string[];
  /** Refuse layouts of more lattice slots than this (a 1 m grid over a county); default 20,000. */
  maxSlots?: number;
}

export interface GenerateParent {
  name: string;
  geometry: AreaGeometry | null;
  /** The parent's zone; default the 3° zone of its centre. */
  zone?: GkZoneRef | null;
}

export interface GeneratedCell {
  name: string;
  /** Lattice row (0 = northernmost) and column (0 = westernmost) of the cell's own piece. */
  row: number;
  col: number;
  geometry: AreaGeometry;
  area: AreaFigures;
  /** How many slivers were merged into it. */
  mergedSlivers: number;
}

export interface SliverReport {
  row: number;
  col: number;
  area: AreaFigures;
  action: 'merged' | 'dropped' | 'kept';
  /** The cell it was merged into (merged), or its own name (kept). */
  cell?: string;
}

export interface GeneratedGrid {
  zone: GkZoneRef;
  /** The parent's figures, of its repaired boundary when it was invalid. */
  parentArea: AreaFigures;
  parentRepaired: boolean;
  cells: GeneratedCell[];
  slivers: SliverReport[];
  /** Σ planar m² of the cells, and of the dropped slivers: together the parent's planar area. */
  cellsPlanarM2: number;
  droppedPlanarM2: number;
  sliverM2: number;
}

export type GenerateReason =
  | 'noBoundary'
  | 'badLayout'
  | 'tooManyCells'
  /** The parent's boundary has no area (after repair). */
  | 'emptyBoundary'
  | 'engine';

const DEFAULT_SLIVER_FRACTION = 0.05;
const DEFAULT_MAX_SLOTS = 20_000;
/**
 * A clipped piece below this (1 mm², far below any printed figure) is dust, not land: where the parent's corner
 * touches a lattice line, GEOS's clip leaves a ring of ~1e-18 m² whose four corners are one point. It is never a
 * cell (it would be stored as a collapsed polygon), merged or reported.
 */
const DUST_M2 = 1e-6;

/** Outer lattice edges are pushed this far beyond the extent so no parent vertex lies on a clip edge. */
const EDGE_PAD_M = 1;

interface Slot {
  row: number;
  col: number;
  /** The slot is its box (square and N×M layouts). */
  rect: boolean;
  ring: [number, number][];
  box: Bbox;
}

const positive = (v: number): boolean => Number.isFinite(v) && v > 0;

/** The lattice over `box` (plane metres), row by row from the north-west, and a whole cell's area. */
function latticeOf(layout: CellLayout, box: Bbox): { slots: () => Slot[]; count: number; cellM2: number } | null {
  const [minX, minY, maxX, maxY] = box;
  const w = maxX - minX;
  const h = maxY - minY;
  if (layout.kind === 'square' || layout.kind === 'rowsCols') {
    let cols: number, rows: number, dx: number, dy: number;
    if (layout.kind === 'square') {
      if (!positive(layout.sizeMetres)) return null;
      dx = dy = layout.sizeMetres;
      cols = Math.max(1, Math.ceil(w / dx - 1e-9));
      rows = Math.max(1, Math.ceil(h / dy - 1e-9));
    } else {
      if (!Number.isInteger(layout.rows) || !Number.isInteger(layout.cols) || layout.rows < 1 || layout.cols < 1) return null;
      rows = layout.rows;
      cols = layout.cols;
      dx = w / cols;
      dy = h / rows;
      if (!positive(dx) || !positive(dy)) return null;
    }
    // Line i is minX + i·dx (row line j is maxY − j·dy): one formula for both cells beside it. The outer lines are
    // pushed EDGE_PAD_M outwards, so the parent's own boundary never lies on a clip edge.
    const xAt = (i: number): number => (i === 0 ? minX - EDGE_PAD_M : i === cols ? minX + cols * dx + EDGE_PAD_M : minX + i * dx);
    const yAt = (j: number): number => (j === 0 ? maxY + EDGE_PAD_M : j === rows ? maxY - rows * dy - EDGE_PAD_M : maxY - j * dy);
    return {
      count: rows * cols,
      cellM2: dx * dy,
      slots: () => {
        const out: Slot[] = [];
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < cols; c++) {
            const [x0, x1, yN, yS] = [xAt(c), xAt(c + 1), yAt(r), yAt(r + 1)];
            out.push({
              row: r,
              col: c,
              rect: true,
              ring: [
                [x0, yS],
                [x1, yS],
                [x1, yN],
                [x0, yN],
                [x0, yS],
              ],
              box: [x0, yS, x1, yN],
            });
          }
        }
        return out;
      },
    };
  }
  if (!positive(layout.sizeMetres)) return null;
  // Pointy-top hexagons: width across the flats W, circumradius R = W/√3, rows 1.5·R apart, odd rows shifted by W/2.
  // Vertices sit on a lattice of (W/2, R/2) steps from the extent's north-west corner, addressed by integers, so
  // neighbours compute their shared vertices identically.
  const W = layout.sizeMetres;
  const R = W / Math.sqrt(3);
  const rows = Math.ceil(h / (1.5 * R)) + 1;
  const cols = Math.ceil(w / W) + 2;
  const X = (m: number): number => minX + m * (W / 2);
  const Y = (q: number): number => maxY + q * (R / 2);
  return {
    count: rows * cols,
    cellM2: 1.5 * Math.sqrt(3) * R * R,
    slots: () => {
      const out: Slot[] = [];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const m = 2 * (c - 1) + (r % 2); // column 0 starts half a cell west of the extent
          const q = -3 * r;
          const ring: [number, number][] = [
            [X(m), Y(q - 2)],
            [X(m + 1), Y(q - 1)],
            [X(m + 1), Y(q + 1)],
            [X(m), Y(q + 2)],
            [X(m - 1), Y(q + 1)],
            [X(m - 1), Y(q - 1)],
            [X(m), Y(q - 2)],
          ];
          out.push({ row: r, col: c, rect: false, ring, box: [X(m - 1), Y(q - 2), X(m + 1), Y(q + 2)] });
        }
      }
      return out;
    },
  };
}

interface Piece {
  row: number;
  col: number;
  geom: Ptr;
  planarM2: number;
  polys: Polygons;
  box: Bbox;
}

const boxesTouch = (a: Bbox, b: Bbox, pad: number): boolean => a[0] <= b[2] + pad && b[0] <= a[2] + pad && a[1] <= b[3] + pad && b[1] <= a[3] + pad;

/**
 * slot ∩ parent. A rectangle is clipped by GEOS ClipByRect (exact on the rectangle, linear in the parent's vertices:
 * README Decision 15 measured it ~10× faster than an overlay), its result checked valid and otherwise computed by
 * the overlay. A hexagon: the parent is first cut to the hexagon's box; when the box is wholly inside the parent
 * (the cut is the whole box: most cells) the hexagon is its own piece, else the overlay clips it.
 */
function clipSlot(e: GeometryEngine, parent: Ptr, slot: Slot): Ptr {
  const [x0, y0, x1, y1] = slot.box;
  const cut = e.clipByRect(parent, x0, y0, x1, y1);
  if (e.isEmpty(cut) || (slot.rect && e.isValid(cut))) return cut;
  try {
    const boxM2 = (x1 - x0) * (y1 - y0);
    const cell = e.fromPolygons([[slot.ring]]);
    if (!slot.rect && Math.abs(e.area(cut) - boxM2) <= boxM2 * 1e-12) return cell;
    try {
      return e.intersection(cell, slot.rect ? parent : cut);
    } finally {
      e.destroy(cell);
    }
  } finally {
    e.destroy(cut);
  }
}

export function generateCells(engine: GeometryEngine, parent: GenerateParent, opts: GenerateOptions): Validation<GeneratedGrid, GenerateReason> {
  if (!parent.geometry) return fail('noBoundary', 'geometry', 'the parent has no boundary to fill');
  const zone = parent.zone ?? defaultZoneOf(parent.geometry);
  const plane = zonePlane(zone, parent.geometry);
  const e = engine;
  const owned: Ptr[] = [];
  try {
    const { geom: parentGeom, repaired } = planeGeometry(e, plane, parent.geometry);
    owned.push(parentGeom);
    // The parent's figures: of its own lon/lat boundary when valid (what identify prints for it), else of the repair.
    const parentPiece = repaired
      ? pieceOf(e, plane, parentGeom)
      : { geometry: parent.geometry, area: featureAreas(parent.geometry, { zone, planarM2: squareMetres(e.area(parentGeom)) }) };
    if (!parentPiece || !(parentPiece.area.planarM2 > 0)) return fail('emptyBoundary', 'geometry', "the parent's boundary has no area");
    const parentPolys = e.toPolygons(parentGeom);
    const lattice = latticeOf(opts.layout, polygonsBbox(parentPolys));
    if (!lattice) return fail('badLayout', 'layout', 'cell size, rows and columns must be positive');
    const maxSlots = opts.maxSlots ?? DEFAULT_MAX_SLOTS;
    if (lattice.count > maxSlots) return fail('tooManyCells', 'layout', `${lattice.count} lattice cells, more than ${maxSlots}`);
    const sliverM2 = opts.sliverM2 ?? lattice.cellM2 * DEFAULT_SLIVER_FRACTION;

    const pieces: Piece[] = [];
    for (const slot of lattice.slots()) {
      const g = clipSlot(e, parentGeom, slot);
      owned.push(g);
      if (e.isEmpty(g)) continue;
      const planarM2 = e.area(g);
      if (!(planarM2 >= DUST_M2)) continue;
      const polys = e.toPolygons(g);
      pieces.push({ row: slot.row, col: slot.col, geom: g, planarM2, polys, box: polygonsBbox(polys) });
    }
    const whole = pieces.filter((p) => p.planarM2 >= sliverM2);
    const small = pieces.filter((p) => p.planarM2 < sliverM2);
    // A parent smaller than the threshold everywhere: its pieces are all it has, so they are its cells.
    const keep = whole.length > 0 ? whole : small;
    const slivers = whole.length > 0 ? small : [];

    const mergedInto = new Map<Piece, Piece[]>();
    const sliverFate: { piece: Piece; into: Piece | null }[] = [];
    for (const s of slivers) {
      let best: Piece | null = null;
      let bestLen = 0;
      if (opts.slivers !== 'drop') {
        for (const k of keep) {
          if (!boxesTouch(s.box, k.box, 1e-6)) continue;
          const len = sharedBoundaryMetres(s.polys, k.polys);
          if (len > bestLen) {
            bestLen = len;
            best = k;
          }
        }
      }
      sliverFate.push({ piece: s, into: best });
      if (best) mergedInto.set(best, [...(mergedInto.get(best) ?? []), s]);
    }
    // Isolated slivers (merge mode) stay cells; in slot order with the rest.
    const cellPieces = [...keep, ...sliverFate.filter((f) => f.into === null && opts.slivers !== 'drop').map((f) => f.piece)].sort(
      (a, b) => a.row - b.row || a.col - b.col,
    );
    const names = nextChildNames(parent.name, opts.takenNames ?? [], cellPieces.length);
    const nameOf = new Map<Piece, string>(cellPieces.map((p, i) => [p, names[i] as string]));

    const cells: GeneratedCell[] = [];
    let cellsPlanarM2 = 0;
    for (const p of cellPieces) {
      const extra = mergedInto.get(p) ?? [];
      let g = p.geom;
      if (extra.length > 0) {
        g = e.unionAll([e.clone(p.geom), ...extra.map((s) => e.clone(s.geom))]);
        owned.push(g);
      }
      const piece = pieceOf(e, plane, g);
      if (!piece) continue;
      cellsPlanarM2 += piece.area.planarM2;
      cells.push({ name: nameOf.get(p) as string, row: p.row, col: p.col, geometry: piece.geometry, area: piece.area, mergedSlivers: extra.length });
    }
    let droppedPlanarM2 = 0;
    const reports: SliverReport[] = sliverFate.map(({ piece, into }) => {
      const area = (pieceOf(e, plane, piece.geom) as NonNullable<ReturnType<typeof pieceOf>>).area;
      if (into) return { row: piece.row, col: piece.col, area, action: 'merged', cell: nameOf.get(into) as string };
      if (opts.slivers === 'drop') {
        droppedPlanarM2 += area.planarM2;
        return { row: piece.row, col: piece.col, area, action: 'dropped' };
      }
      return { row: piece.row, col: piece.col, area, action: 'kept', cell: nameOf.get(piece) as string };
    });
    return ok({ zone, parentArea: parentPiece.area, parentRepaired: repaired, cells, slivers: reports, cellsPlanarM2, droppedPlanarM2, sliverM2 });
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    return fail('engine', '', err.message);
  } finally {
    for (const g of owned) e.destroy(g);
  }
}

export type GeneratedAreasReason = 'noChildLevel' | GridAreaReason;

/**
 * The records for generated cells under `parent`: each one level below it (a village's cells, or a township's
 * villages to be renamed), in the parent's zone, its history opened as 'generated'. Nothing is stored here; the
 * repository writes them in one transaction (renderer/db putGridAreas).
 */
export function generatedAreas(
  parent: { id: string; level: AreaLevel },
  grid: Pick<GeneratedGrid, 'cells' | 'zone'>,
  opts: { newId: () => string; edit: AreaEditInfo },
): Validation<GridArea[], GeneratedAreasReason> {
  const level = childLevelOf(parent.level);
  if (level === null) return fail('noChildLevel', 'level', 'a cell has no children');
  const out: GridArea[] = [];
  for (const c of grid.cells) {
    const r = createGridArea(
      { id: opts.newId(), level, parentId: parent.id, name: c.name, geometry: c.geometry, zone: grid.zone },
      { ...opts.edit, change: opts.edit.change ?? 'generated' },
    );
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}
