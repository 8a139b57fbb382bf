/**
 * The grid edited on the map with the map's toolkit (renderer/map tools: one EditTool session each): 绘制下级区域
 * draws new areas, 编辑边界 edits one boundary, 分割 cuts one area along a drawn line, 合并 merges it with a neighbour
 * clicked on the map. Each session snaps to the visible layers (the village boundary layer) and to the siblings'
 * boundaries, undoes and redoes (Ctrl+Z / Ctrl+Shift+Z) across the session, and hands back valid geometries on 完成;
 * this module then names (pending), checks (placement in the worker) and stores them with a history entry.
 *
 * Also the topology of a parent's children (检查拓扑, in the worker) and its fixes (a gap into a neighbour, an
 * overlap out of one child), each stored and checked again.
 */
import type { Polygon } from 'geojson';
import { defaultZoneOf } from '../../../shared/domain/grid/area-geometry';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { newGridAreaId } from '../../../shared/domain/grid/area-record';
import type { Translate } from '../../i18n';
import type { EditedFeature, EditTool, MapHandle } from '../../map';
import { editGeometryTool } from '../../map';
import { replaceGridAreas } from '../../db';
import { createStore } from '../../ui/store';
import { GRID_EDITOR } from './grid-editor';
import {
  drawnArea,
  drawnLevelOf,
  editablePolygon,
  mergeRecords,
  nextName,
  placementRefusal,
  siblingsOf,
  splitRecords,
  topologyAreaOf,
  type PlacementRefusal,
} from './grid-edit.logic';
import { fillGapInWorker, gridState, placeInWorker, reloadGrid, removeOverlapInWorker, saveAreas, selectArea, topologyInWorker } from './grid-state';
import type { TopologyRun } from './grid.protocol';

/** Shapes drawn or cut on the map, waiting for their names (shown on the map meanwhile). */
export interface PendingNames {
  kind: 'draw' | 'split';
  /** draw: the new areas' parent (null: a township at the top); split: the area cut. */
  parentId: string | null;
  areaId: string | null;
  pieces: { geometry: Polygon; name: string }[];
}

export interface GridEditState {
  pending: PendingNames | null;
  /** The last check of a parent's children, until the selection moves to another parent. */
  topology: { parentId: string; run: TopologyRun } | null;
  /** What is being computed or stored ('topology', 'save' …), null when idle. */
  busy: string | null;
}

export const gridEditState = createStore<GridEditState>({ pending: null, topology: null, busy: null });

const setEdit = (patch: Partial<GridEditState>) => gridEditState.set((s) => ({ ...s, ...patch }));
const edit = () => ({ at: Date.now(), by: GRID_EDITOR });
const areaById = (id: string | null): GridArea | null => gridState.get().areas.find((a) => a.id === id) ?? null;
const snapSources = (areas: readonly GridArea[]) => areas.flatMap((a) => (a.geometry ? [a.geometry] : []));

/** Tool ids, so the panel knows which of its sessions runs. */
export const GRID_TOOLS = { draw: 'grid.draw', boundary: 'grid.boundary', split: 'grid.split', merge: 'grid.merge' } as const;

export function startDrawing(map: MapHandle, parent: GridArea | null, t: Translate): void {
  const level = drawnLevelOf(parent);
  if (!level) return;
  const siblings = siblingsOf(gridState.get().areas, parent?.id ?? null);
  const tool: EditTool = {
    kind: 'edit',
    id: GRID_TOOLS.draw,
    features: [],
    draw: 'polygon',
    ...(parent?.zone ? { zone: parent.zone } : {}),
    snap: { sources: snapSources(parent ? [parent, ...siblings] : siblings) },
    allow: { draw: true, split: false, merge: false, remove: true },
    title: parent ? t('gridMap.draw.titleUnder', { parent: parent.name, level: t(`grid.level.${level}`) }) : t('gridMap.draw.titleTop'),
    onFinish: (features) => {
      const polys = features.filter((f): f is EditedFeature & { geometry: Polygon } => f.geometry.type === 'Polygon');
      if (polys.length === 0) return;
      const taken = new Set(
        gridState
          .get()
          .areas.filter((a) => a.parentId === (parent?.id ?? null))
          .map((a) => a.name),
      );
      const base = parent ? parent.name : t('grid.level.township');
      const pieces = polys.map((f) => {
        const name = nextName(base, taken, taken.size + 1);
        taken.add(name);
        return { geometry: f.geometry, name };
      });
      setEdit({ pending: { kind: 'draw', parentId: parent?.id ?? null, areaId: null, pieces } });
    },
  };
  map.setTool(tool);
}

/** Why a boundary was refused where it lies, in the user's language. */
export function placementText(t: Translate, r: PlacementRefusal, name: string, fmt: (m2: number) => string): string {
  return r.kind === 'outside'
    ? t('gridMap.refused.outside', { name, m2: fmt(r.m2) })
    : t('gridMap.refused.overlap', { name, other: r.name, m2: fmt(r.m2) });
}

/** Stored (with an overlap left to fix when an edited boundary now overlaps a sibling), or refused with why. */
export type SaveOutcome =
  { ok: true; overlap?: { name: string; other: string; m2: number } } | { ok: false; refusal?: PlacementRefusal; name?: string; reason?: string };

async function checkPlacement(geometry: Polygon, parent: GridArea | null, except?: string): Promise<PlacementRefusal | null> {
  const siblings = siblingsOf(gridState.get().areas, parent?.id ?? null, except);
  const placement = await placeInWorker({
    geometry,
    parent: parent?.geometry ?? null,
    siblings: siblings.map(topologyAreaOf),
    zone: parent?.zone ?? null,
  });
  return placementRefusal(placement);
}

/** Names given: drawn pieces are checked (inside the parent, clear of siblings) and stored; split pieces stored. */
export async function savePending(p: PendingNames): Promise<SaveOutcome> {
  setEdit({ busy: 'save' });
  try {
    const e = edit();
    if (p.kind === 'draw') {
      const parent = areaById(p.parentId);
      const records: GridArea[] = [];
      for (const piece of p.pieces) {
        const refusal = await checkPlacement(piece.geometry, parent);
        if (refusal) return { ok: false, refusal, name: piece.name };
        const r = drawnArea({ id: newGridAreaId(Date.now()), parent, name: piece.name, geometry: piece.geometry }, e);
        if (!r.ok) return { ok: false, reason: r.reason };
        records.push(r.value);
      }
      const saved = await saveAreas(records, e);
      if (!saved.ok) return { ok: false, reason: saved.reason };
      setEdit({ pending: null });
      selectArea(records[0]?.id ?? null);
      return { ok: true };
    }
    const area = areaById(p.areaId);
    if (!area) return { ok: false, reason: 'parentMissing' };
    const hasChildren = gridState.get().areas.some((a) => a.parentId === area.id);
    const ids = p.pieces.slice(1).map(() => newGridAreaId(Date.now()));
    const r = splitRecords(
      area,
      p.pieces.map((x) => x.geometry),
      p.pieces.map((x) => x.name),
      ids,
      hasChildren,
      e,
    );
    if (!r.ok) return { ok: false, reason: r.reason };
    const saved = await saveAreas(r.value, e);
    if (!saved.ok) return { ok: false, reason: saved.reason };
    setEdit({ pending: null });
    return { ok: true };
  } finally {
    setEdit({ busy: null });
  }
}

export const discardPending = () => setEdit({ pending: null });
export const renamePending = (i: number, name: string) =>
  gridEditState.set((s) =>
    s.pending ? { ...s, pending: { ...s.pending, pieces: s.pending.pieces.map((x, k) => (k === i ? { ...x, name } : x)) } } : s,
  );

/** 编辑边界: the area's vertices moved, inserted, deleted (snapping to its siblings), stored as an edit of the area. */
export function startBoundaryEdit(map: MapHandle, area: GridArea, t: Translate, said: (o: SaveOutcome) => void): void {
  const polygon = editablePolygon(area);
  if (!polygon) return said({ ok: false, reason: 'multiPolygon' });
  const parent = areaById(area.parentId);
  const siblings = siblingsOf(gridState.get().areas, area.parentId, area.id);
  map.setTool(
    editGeometryTool({
      id: GRID_TOOLS.boundary,
      geometry: polygon,
      ...(area.zone ? { zone: area.zone } : {}),
      snap: { sources: snapSources(parent ? [parent, ...siblings] : siblings) },
      title: t('gridMap.boundary.title', { name: area.name }),
      onFinish: (g) => {
        if (g.type !== 'Polygon') return;
        void (async () => {
          setEdit({ busy: 'save' });
          try {
            // Beyond the parent is refused; an overlap with a sibling is stored and said: moving a shared border is
            // one edit of one side and 检查拓扑's "remove from" on the other, not two careful edits in a row.
            const refusal = await checkPlacement(g, parent, area.id);
            if (refusal?.kind === 'outside') return said({ ok: false, refusal, name: area.name });
            const saved = await saveAreas([{ ...area, geometry: g }], { ...edit(), change: 'edited' });
            if (!saved.ok) return said({ ok: false, reason: saved.reason });
            said(refusal?.kind === 'overlap' ? { ok: true, overlap: { name: area.name, other: refusal.name, m2: refusal.m2 } } : { ok: true });
          } catch (err) {
            said({ ok: false, reason: err instanceof Error ? err.message : String(err) });
          } finally {
            setEdit({ busy: null });
          }
        })();
      },
    }),
  );
}

/** 分割: a session over the area that starts with the cutting line; on 完成 the pieces wait for their names. */
export function startSplit(map: MapHandle, area: GridArea, t: Translate, said: (o: SaveOutcome) => void): void {
  const polygon = editablePolygon(area);
  if (!polygon) return said({ ok: false, reason: 'multiPolygon' });
  if (gridState.get().areas.some((a) => a.parentId === area.id)) return said({ ok: false, reason: 'hasChildren' });
  const siblings = siblingsOf(gridState.get().areas, area.parentId, area.id);
  map.setTool({
    kind: 'edit',
    id: GRID_TOOLS.split,
    features: [{ id: area.id, geometry: polygon }],
    ...(area.zone ? { zone: area.zone } : {}),
    snap: { sources: snapSources(siblings) },
    allow: { draw: false, split: true, merge: false, remove: false },
    title: t('gridMap.split.title', { name: area.name }),
    onFinish: (features) => {
      const pieces = [...features]
        .filter((f): f is EditedFeature & { geometry: Polygon } => f.geometry.type === 'Polygon')
        .sort((a, b) => (a.id === area.id ? -1 : b.id === area.id ? 1 : 0));
      if (pieces.length < 2) return;
      const taken = new Set(
        gridState
          .get()
          .areas.filter((a) => a.parentId === area.parentId && a.id !== area.id)
          .map((a) => a.name),
      );
      const names = [area.name];
      taken.add(area.name);
      for (let i = 1; i < pieces.length; i++) {
        const n = nextName(area.name, taken);
        taken.add(n);
        names.push(n);
      }
      setEdit({
        pending: {
          kind: 'split',
          parentId: area.parentId,
          areaId: area.id,
          pieces: pieces.map((f, i) => ({ geometry: f.geometry, name: names[i] as string })),
        },
      });
    },
  });
  map.editor()?.split(area.id);
}

/** 合并: a session over the area and its siblings, waiting for the neighbour's click; on 完成 the merge is stored. */
export function startMerge(map: MapHandle, area: GridArea, t: Translate, said: (o: SaveOutcome) => void): void {
  const polygon = editablePolygon(area);
  if (!polygon) return said({ ok: false, reason: 'multiPolygon' });
  // Only siblings a session can hold (a collapsed boundary would block 完成 for all of them).
  const siblings = siblingsOf(gridState.get().areas, area.parentId, area.id).filter((s) => editablePolygon(s));
  map.setTool({
    kind: 'edit',
    id: GRID_TOOLS.merge,
    features: [{ id: area.id, geometry: polygon }, ...siblings.map((s) => ({ id: s.id, geometry: editablePolygon(s) as Polygon }))],
    ...(area.zone ? { zone: area.zone } : {}),
    snap: false,
    allow: { draw: false, split: false, merge: true, remove: false },
    title: t('gridMap.merge.title', { name: area.name }),
    onFinish: (features) => {
      const merged = features.find((f) => f.from.length === 2 && f.geometry.type === 'Polygon');
      if (!merged) return;
      const keep = areaById(merged.from.includes(area.id) ? area.id : (merged.from[0] as string));
      const otherId = merged.from.find((id) => id !== keep?.id) ?? null;
      const absorbed = areaById(otherId);
      if (!keep || !absorbed) return said({ ok: false, reason: 'parentMissing' });
      void (async () => {
        setEdit({ busy: 'save' });
        try {
          const children = gridState.get().areas.filter((a) => a.parentId === absorbed.id);
          const e = edit();
          const r = mergeRecords(keep, absorbed, merged.geometry as Polygon, children, e);
          if (!r.ok) return said({ ok: false, reason: r.reason });
          const saved = await replaceGridAreas(r.value.put, r.value.deleteIds, e);
          if (!saved.ok) return said({ ok: false, reason: saved.reason });
          await reloadGrid();
          selectArea(keep.id);
          said({ ok: true });
        } finally {
          setEdit({ busy: null });
        }
      })();
    },
  });
  map.editor()?.merge(area.id);
}

/** 检查拓扑: the children of `parent` against it, in the worker; shown on the map and listed. */
export async function checkChildren(parent: GridArea): Promise<void> {
  const children = gridState.get().areas.filter((a) => a.parentId === parent.id);
  setEdit({ busy: 'topology' });
  try {
    const run = await topologyInWorker({ parent: { ...topologyAreaOf(parent), zone: parent.zone }, children: children.map(topologyAreaOf) });
    setEdit({ topology: { parentId: parent.id, run } });
  } finally {
    setEdit({ busy: null });
  }
}

export const clearTopology = () => setEdit({ topology: null });

/** A gap given to `targetId` (one of the children bordering it): the child's new boundary stored, then checked again. */
export async function fixGap(parent: GridArea, targetId: string, gapPoint: [number, number]): Promise<SaveOutcome> {
  const target = areaById(targetId);
  if (!target || !parent.geometry) return { ok: false, reason: 'parentMissing' };
  const children = gridState.get().areas.filter((a) => a.parentId === parent.id);
  setEdit({ busy: 'fix' });
  try {
    const geometry = await fillGapInWorker({
      parent: parent.geometry,
      children: children.map(topologyAreaOf),
      targetId,
      gapPoint,
      zone: parent.zone ?? defaultZoneOf(parent.geometry),
    });
    const saved = await saveAreas([{ ...target, geometry }], { ...edit(), change: 'edited' });
    if (!saved.ok) return { ok: false, reason: saved.reason };
  } finally {
    setEdit({ busy: null });
  }
  await checkChildren(areaById(parent.id) ?? parent);
  return { ok: true };
}

/** An overlap taken out of `fromId` (the other keeps it): stored, then checked again. */
export async function fixOverlap(parent: GridArea, fromId: string, otherId: string): Promise<SaveOutcome> {
  const from = areaById(fromId);
  const other = areaById(otherId);
  if (!from?.geometry || !other?.geometry) return { ok: false, reason: 'parentMissing' };
  setEdit({ busy: 'fix' });
  try {
    const geometry = await removeOverlapInWorker({
      from: from.geometry,
      other: other.geometry,
      zone: parent.zone ?? from.zone ?? defaultZoneOf(from.geometry),
    });
    const saved = await saveAreas([{ ...from, geometry }], { ...edit(), change: 'edited' });
    if (!saved.ok) return { ok: false, reason: saved.reason };
  } finally {
    setEdit({ busy: null });
  }
  await checkChildren(areaById(parent.id) ?? parent);
  return { ok: true };
}
