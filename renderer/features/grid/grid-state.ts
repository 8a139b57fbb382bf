/**
 * The grid as the panel and the map layer see it: the stored areas (read at boot and after each write) and the
 * selected area's id. One store for both so the map's highlight and the panel's details never disagree.
 */
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { listGridAreas, putGridAreas, type GridWriteResult } from '../../db';
import type { AreaEditInfo } from '../../../shared/domain/grid/area-record';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import type {
  FillGapRequest,
  GenerateRequest,
  GenerateRun,
  GridProtocol,
  PlaceRequest,
  PromoteRequest,
  RemoveOverlapRequest,
  TopologyRequest,
  TopologyRun,
} from './grid.protocol';
import type { AreaGeometry } from '../../../shared/domain/grid/area-geometry';
import type { Placement } from '../../../shared/domain/grid/grid-edits';
import type { PromoteResult } from '../../../shared/domain/grid/promote';

export interface GridState {
  areas: readonly GridArea[];
  selectedId: string | null;
  /** Generated cells shown on the map before they are saved (or discarded). */
  preview: readonly GridArea[] | null;
}

export const gridState = createStore<GridState>({ areas: [], selectedId: null, preview: null });

export async function reloadGrid(): Promise<void> {
  const areas = await listGridAreas();
  gridState.set((s) => ({ ...s, areas, selectedId: s.selectedId !== null && areas.some((a) => a.id === s.selectedId) ? s.selectedId : null }));
}

export const selectArea = (id: string | null) => gridState.set((s) => ({ ...s, selectedId: id }));
export const setPreview = (preview: readonly GridArea[] | null) => gridState.set((s) => ({ ...s, preview }));

/** One user action, one transaction (putGridAreas); the list is read again after a stored write. */
export async function saveAreas(areas: readonly GridArea[], edit: AreaEditInfo): Promise<GridWriteResult> {
  const r = await putGridAreas(areas, edit);
  if (r.ok) await reloadGrid();
  return r;
}

// A worker per promotion: the parsed layer's memory goes with it.
const client = createWorkerClient<GridProtocol>({
  spawn: () => new Worker(new URL('./grid.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-grid' }),
  lifetime: 'per-request',
});

export const placeInWorker = (req: PlaceRequest): Promise<Placement> => client.request('place', req);
export const topologyInWorker = (req: TopologyRequest): Promise<TopologyRun> => client.request('topology', req);
export const fillGapInWorker = (req: FillGapRequest): Promise<AreaGeometry> => client.request('fillGap', req);
export const removeOverlapInWorker = (req: RemoveOverlapRequest): Promise<AreaGeometry> => client.request('removeOverlap', req);
export const promoteInWorker = (req: PromoteRequest): Promise<PromoteResult> => client.request('promote', req);
export const generateInWorker = (req: GenerateRequest): Promise<GenerateRun> => client.request('generate', req);
