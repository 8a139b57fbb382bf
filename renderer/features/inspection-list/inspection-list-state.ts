/**
 * The 核查 list's own state (the filter controls, the sort, the map and table switches) and the two answers every
 * part of the view reads: the query (rows, counts per township, menu choices) and the map's plots by status. Both
 * come from the list worker (inspection-list.worker.ts), asked again when the filter, the sort or the stored records
 * change (the inspection feature's `inspectionsChanged` counter is the data version). While an answer is on its
 * way the previous one stays shown, so typing in the search box never blanks the table.
 *
 * The app's idle warm-up (warmInspectionList) asks both for the current filter before the tab is ever opened, and
 * again after the stored records change: the worker then holds the summaries, and the tab opens on answers already
 * here (one render of the table's visible rows, the map's tiles cut in the tile worker).
 */
import { useEffect, useMemo } from 'react';
import { LIVE_TILE_KEY_PREFIX, type TiledGeoJson } from '../../map';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore, useStore, type Store } from '../../ui/store';
import { inspectionsChanged } from '../inspection';
import { EMPTY_UI, filterOf, type ListMapFigures, type ListRow, type ListSort, type ListUi } from './inspection-list.logic';
import { ROW_BLOCK, type InspectionListProtocol, type QueryResult } from './inspection-list.protocol';

export interface ListUiState extends ListUi {
  sort: ListSort | null;
  showOnMap: boolean;
  tableOpen: boolean;
}

export const listUi = createStore<ListUiState>({ ...EMPTY_UI, sort: null, showOnMap: true, tableOpen: true });
export const setListUi = (patch: Partial<ListUiState>) => listUi.set((s) => ({ ...s, ...patch }));
export const clearFilter = () => setListUi({ ...EMPTY_UI });

const client = createWorkerClient<InspectionListProtocol>({
  spawn: () => new Worker(new URL('./inspection-list.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-inspection-list' }),
  lifetime: 'persistent',
  recover: 'resend',
});

/** The map's answer on this side: its figures and its features' Blob, named for the tile worker. */
export interface ListMapView extends ListMapFigures {
  tiles: TiledGeoJson;
}

interface Answer<T> {
  done: { key: string; value: T } | null;
  pendingKey: string | null;
  error: unknown;
}
const queryAnswer = createStore<Answer<QueryResult>>({ done: null, pendingKey: null, error: null });
const mapAnswer = createStore<Answer<ListMapView>>({ done: null, pendingKey: null, error: null });

/** Asks the worker unless this key is already asked or answered; a later key's answer supersedes an earlier one. */
function ask<T>(store: Store<Answer<T>>, key: string, run: () => Promise<T>): Promise<void> {
  const s = store.get();
  if (s.pendingKey === key || (s.pendingKey === null && s.done?.key === key && !s.error)) return Promise.resolve();
  store.set({ ...s, pendingKey: key, error: null });
  return run().then(
    (value) => {
      if (store.get().pendingKey === key) store.set({ done: { key, value }, pendingKey: null, error: null });
    },
    (error: unknown) => {
      if (store.get().pendingKey === key) store.set((c) => ({ ...c, pendingKey: null, error }));
    },
  );
}

/** The keys naming what an answer answers: the data version and the filter (the map's), with the sort (the query's). */
function keysOf(ui: ListUiState, version: number, filter = filterOf(ui)) {
  const filterKey = `${version}|${JSON.stringify(filter)}`;
  return { filter, filterKey, queryKey: `${filterKey}|${JSON.stringify(ui.sort)}` };
}

const askQuery = (ui: ListUiState, version: number, filter = filterOf(ui)) => {
  const { queryKey } = keysOf(ui, version, filter);
  return ask(queryAnswer, queryKey, () => client.request('query', { dataVersion: version, filter, sort: ui.sort }));
};

let mapSeq = 0;
const askMap = (ui: ListUiState, version: number, filter = filterOf(ui)) => {
  const { filterKey } = keysOf(ui, version, filter);
  return ask(mapAnswer, filterKey, async () => {
    const { blob, ...figures } = await client.request('map', { dataVersion: version, filter });
    return { ...figures, tiles: { key: `${LIVE_TILE_KEY_PREFIX}inspection-list-${++mapSeq}`, blob } };
  });
};

/**
 * Asks for the current filter's rows, then its map, ahead of the first look (the app's idle time after its start,
 * and after the stored records change): the worker reads the summaries once, and both answers wait here.
 */
export function warmInspectionList(): void {
  const ui = listUi.get();
  const version = inspectionsChanged.get();
  void askQuery(ui, version).then(() => (ui.showOnMap ? askMap(ui, version) : undefined));
}

export interface ListView {
  result: QueryResult | null;
  /** The result shown is not yet the current filter's (the worker is at it). */
  pending: boolean;
  error: unknown;
}

function useFilterKey() {
  const ui = useStore(listUi);
  const version = useStore(inspectionsChanged);
  const filter = useMemo(
    () => filterOf(ui),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter's own fields
    [ui.text, ui.statuses, ui.from, ui.to, ui.township, ui.village, ui.conclusion, ui.source],
  );
  return { ui, version, ...keysOf(ui, version, filter) };
}

/** The rows, the counts and the menus' choices for the current filter; asked for only while `active`. */
export function useInspectionList(active = true): ListView {
  const { ui, version, filter, queryKey } = useFilterKey();
  const state = useStore(queryAnswer);
  useEffect(() => {
    if (active) void askQuery(ui, version, filter);
  }, [active, queryKey]); // eslint-disable-line react-hooks/exhaustive-deps -- queryKey names every input
  return { result: state.done?.value ?? null, pending: state.done?.key !== queryKey, error: state.error };
}

/** The map's plots by status for the current filter (the sort does not matter to the map). */
export function useInspectionMap(active: boolean): { data: ListMapView | null; error: unknown } {
  const { ui, version, filter, filterKey } = useFilterKey();
  const state = useStore(mapAnswer);
  // The table first: the map is asked once the list has answered this filter (the worker serves one at a time).
  const listed = useStore(queryAnswer).done?.key.startsWith(`${filterKey}|`) ?? false;
  useEffect(() => {
    if (active && listed) void askMap(ui, version, filter);
  }, [active, listed, filterKey]); // eslint-disable-line react-hooks/exhaustive-deps -- filterKey names every input
  return { data: state.done?.value ?? null, error: state.error };
}

/** The blocks of rows fetched for one query (block 0 is its head). */
const rowBlocks = createStore<{ seq: number; blocks: ReadonlyMap<number, readonly ListRow[]> }>({ seq: -1, blocks: new Map() });
const asked = new Set<string>();

/**
 * The row at a table position for this answer, and the fetching of the blocks the table shows (`from`–`to`, the
 * rows in view plus overscan): only the rows in view ever cross from the worker, whatever the filter matched.
 */
export function useRowAt(result: QueryResult | null, from: number, to: number): (pos: number) => ListRow | undefined {
  const state = useStore(rowBlocks);
  const seq = result?.querySeq ?? -1;
  const blocks = state.seq === seq ? state.blocks : null;
  useEffect(() => {
    if (!result) return;
    if (rowBlocks.get().seq !== result.querySeq) rowBlocks.set({ seq: result.querySeq, blocks: new Map([[0, result.head]]) });
    const first = Math.floor(from / ROW_BLOCK);
    const lastBlock = Math.floor(Math.max(from, to - 1) / ROW_BLOCK);
    for (let b = first; b <= lastBlock && b * ROW_BLOCK < result.count; b++) {
      const id = `${result.querySeq}:${b}`;
      if (rowBlocks.get().blocks.has(b) || asked.has(id)) continue;
      asked.add(id);
      void client.request('rows', { querySeq: result.querySeq, from: b * ROW_BLOCK, to: (b + 1) * ROW_BLOCK }).then(
        (r) => {
          asked.delete(id);
          const s = rowBlocks.get();
          if (!r.stale && s.seq === r.querySeq) rowBlocks.set({ seq: s.seq, blocks: new Map(s.blocks).set(b, r.rows) });
        },
        () => asked.delete(id),
      );
    }
  }, [result, from, to]);
  const have = blocks ?? (result ? new Map([[0, result.head]]) : null);
  return (pos) => have?.get(Math.floor(pos / ROW_BLOCK))?.[pos % ROW_BLOCK];
}

/** Every row of this answer, in its order (the export). Rejects with `stale` when a later query has replaced it. */
export async function allRowsOf(result: QueryResult): Promise<ListRow[]> {
  const r = await client.request('rows', { querySeq: result.querySeq, from: 0, to: result.count });
  if (r.stale) throw new Error('stale');
  return r.rows;
}

/**
 * The ids of the records the list's current filter holds, in its current order (the evidence feature's 批量导出证据):
 * one query in the list worker with the filter the panel shows, then all its rows' ids.
 */
export async function filteredRecordIds(): Promise<string[]> {
  const ui = listUi.get();
  const result = await client.request('query', { dataVersion: inspectionsChanged.get(), filter: filterOf(ui), sort: ui.sort });
  return (await allRowsOf(result)).map((r) => r.id);
}
