/**
 * The 巡查考核 view's own state (which period, which township, whether the map shows the colours, the table's sort,
 * which dialog is open) and the one computation every part of the view reads: the panel, the table, the map layers
 * and the legend all call useCompliance. computeCompliance runs in the compliance worker (compliance.worker.ts), once
 * per period and change of the stored data, and only while some part of the view is shown; the table's rows, the
 * map's layers and the counts are built here from its summaries (a single-entry memo), so the parts never disagree.
 */
import { useLivePatrolAreas } from '../tasks';
import { useEffect, useMemo } from 'react';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import type { Patrol } from '../../../shared/domain/patrol/patrol-record';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore, useStore } from '../../ui/store';
import { gridState } from '../grid';
import type { ComplianceProtocol } from './compliance.protocol';
import { patrolState } from '../patrol';
import {
  complianceAreasOf,
  complianceMapData,
  complianceRows,
  lastPatrolDays,
  periodOf,
  statusCounts,
  todayInChina,
  type AreaComplianceSummary,
  type ComplianceAreas,
  type ComplianceMapData,
  type ComplianceRow,
  type PatrolAreaInput,
  type Period,
  type PeriodKind,
  type RowSort,
} from './compliance.logic';

export interface ComplianceUiState {
  periodKind: PeriodKind;
  customFrom: DateKey | null;
  customTo: DateKey | null;
  /** The table's and the chart's township; null: every area. */
  townshipId: string | null;
  showOnMap: boolean;
  tableOpen: boolean;
  sort: RowSort;
  rulesOpen: boolean;
}

export const complianceUi = createStore<ComplianceUiState>({
  periodKind: 'week',
  customFrom: null,
  customTo: null,
  townshipId: null,
  showOnMap: false,
  tableOpen: false,
  sort: { key: 'status', dir: 'desc' },
  rulesOpen: false,
});

export const setUi = (patch: Partial<ComplianceUiState>) => complianceUi.set((s) => ({ ...s, ...patch }));

/**
 * The patrol areas (巡查区域: key areas, corridors, stop-notice sites) the tasks feature stores, not deleted, as
 * compliance reads them: the adapter (complianceAreasOf) takes them beside the grid's.
 */
export const usePatrolAreas = (): readonly PatrolAreaInput[] => useLivePatrolAreas();

export interface ComplianceView {
  asOf: DateKey;
  period: Period | null;
  source: ComplianceAreas;
  results: readonly AreaComplianceSummary[];
  rows: readonly ComplianceRow[];
  counts: ReturnType<typeof statusCounts>;
  map: ComplianceMapData;
  /** The results shown are not yet those of the current period and data (the worker is at it). */
  pending: boolean;
  /** The worker's failure, when the last computation failed. */
  error: unknown;
  /** How long computeCompliance took in the worker (ms). */
  computeMs: number | null;
}

const client = createWorkerClient<ComplianceProtocol>({
  spawn: () => new Worker(new URL('./compliance.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-compliance' }),
  lifetime: 'persistent',
  recover: 'resend',
});

interface Computed {
  key: string;
  results: AreaComplianceSummary[];
  computeMs: number;
}
const computed = createStore<{ done: Computed | null; pendingKey: string | null; error: unknown }>({ done: null, pendingKey: null, error: null });

// The stored data's version as the worker should read it: bumped whenever the stores hand out new lists (they do
// after every write, having read the database again), so the worker never judges older records than the UI shows.
let dataVersion = 0;
let seen: readonly unknown[] = [];
function versionOf(...lists: readonly unknown[]): number {
  if (lists.length !== seen.length || lists.some((l, i) => l !== seen[i])) {
    dataVersion++;
    seen = lists;
  }
  return dataVersion;
}

function requestCompute(key: string, from: DateKey, to: DateKey, asOf: DateKey, version: number): void {
  const s = computed.get();
  if (s.pendingKey === key || (s.pendingKey === null && s.done?.key === key && !s.error)) return;
  computed.set({ ...s, pendingKey: key, error: null });
  client.request('compute', { from, to, asOf, dataVersion: version }).then(
    (r) => {
      // A later request supersedes this one: its answer is dropped.
      if (computed.get().pendingKey === key)
        computed.set({ done: { key, results: r.results, computeMs: r.computeMs }, pendingKey: null, error: null });
    },
    (error: unknown) => {
      if (computed.get().pendingKey === key) computed.set((c) => ({ ...c, pendingKey: null, error }));
    },
  );
}

let last: {
  source: ComplianceAreas;
  done: Computed | null;
  patrols: readonly Patrol[];
  asOf: DateKey;
  view: Omit<ComplianceView, 'pending' | 'error' | 'period' | 'asOf'>;
} | null = null;

/** The rows, the map's data and the counts for these results (rebuilt only when one of them changes). */
function viewOf(source: ComplianceAreas, done: Computed | null, patrols: readonly Patrol[], asOf: DateKey) {
  if (last && last.source === source && last.done === done && last.patrols === patrols && last.asOf === asOf) return last.view;
  const results = done?.results ?? [];
  const view = {
    source,
    results,
    rows: complianceRows(results, source.meta, lastPatrolDays(patrols, asOf), asOf),
    counts: statusCounts(results),
    map: complianceMapData(results, source.meta),
    computeMs: done?.computeMs ?? null,
  };
  last = { source, done, patrols, asOf, view };
  return view;
}

let lastSource: { grid: readonly GridArea[]; patrolAreas: readonly PatrolAreaInput[]; source: ComplianceAreas } | null = null;
function sourceOf(grid: readonly GridArea[], patrolAreas: readonly PatrolAreaInput[]): ComplianceAreas {
  if (lastSource && lastSource.grid === grid && lastSource.patrolAreas === patrolAreas) return lastSource.source;
  lastSource = { grid, patrolAreas, source: complianceAreasOf(grid, patrolAreas) };
  return lastSource.source;
}

/**
 * The view as of today in China. `active`: some part of the view is shown, so the worker is asked for the current
 * period (the map layers' hook passes whether the colours are on: an app that never opens 考核 never computes).
 */
export function useCompliance(active = true): ComplianceView {
  const { areas } = useStore(gridState);
  const { patrols, rules } = useStore(patrolState);
  const ui = useStore(complianceUi);
  const state = useStore(computed);
  const patrolAreas = usePatrolAreas();
  // Today in China, read once per render: a view left open over midnight moves on at its next change.
  const asOf = todayInChina(Date.now());
  const period = periodOf(ui.periodKind, asOf, { from: ui.customFrom, to: ui.customTo });
  const version = versionOf(areas, patrols, rules, patrolAreas);
  const key = period ? `${period.from}|${period.to}|${asOf}|${version}` : null;
  useEffect(() => {
    if (active && key && period) requestCompute(key, period.from, period.to, asOf, version);
  }, [active, key]); // eslint-disable-line react-hooks/exhaustive-deps -- key names every input
  const source = sourceOf(areas, patrolAreas);
  const base = viewOf(source, state.done, patrols, asOf);
  return useMemo(
    () => ({ ...base, asOf, period, pending: key !== null && state.done?.key !== key, error: state.error }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- period is named by key
    [base, asOf, key, state.done, state.error],
  );
}
