/**
 * The 巡查考核 view's own state (which period, which township, whether the map shows the colours, the table's sort,
 * which dialog is open) and the one computation every part of the view reads: the panel, the table, the map layers
 * and the legend all call useCompliance, which computes once per change of its inputs (a single-entry memo), so they
 * never disagree and 5,000 cells are not judged four times.
 */
import { useMemo } from 'react';
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { computeCompliance, type AreaCompliance } from '../../../shared/domain/patrol/compliance';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import type { Patrol } from '../../../shared/domain/patrol/patrol-record';
import type { PatrolRule } from '../../../shared/domain/patrol/rule';
import { createStore, useStore } from '../../ui/store';
import { gridState } from '../grid';
import { patrolState } from '../patrol';
import {
  complianceAreasOf,
  complianceMapData,
  complianceRows,
  lastPatrolDays,
  officerRolesOf,
  periodOf,
  statusCounts,
  todayInChina,
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
 * The patrol areas (巡查区域) the tasks feature stores, as compliance reads them. None until that feature lands in
 * main; its areas then come in here and the adapter (complianceAreasOf) takes them beside the grid's.
 */
const NO_PATROL_AREAS: readonly PatrolAreaInput[] = [];
export const usePatrolAreas = (): readonly PatrolAreaInput[] => NO_PATROL_AREAS;

export interface ComplianceView {
  asOf: DateKey;
  period: Period | null;
  source: ComplianceAreas;
  results: readonly AreaCompliance[];
  rows: readonly ComplianceRow[];
  counts: ReturnType<typeof statusCounts>;
  map: ComplianceMapData;
  /** How long computeCompliance took on this thread (ms): the panel shows it, the bench measures it. */
  computeMs: number;
}

interface Inputs {
  grid: readonly GridArea[];
  patrolAreas: readonly PatrolAreaInput[];
  patrols: readonly Patrol[];
  rules: readonly PatrolRule[];
  from: DateKey | null;
  to: DateKey | null;
  asOf: DateKey;
}

let last: { inputs: Inputs; view: ComplianceView } | null = null;
const sameInputs = (a: Inputs, b: Inputs) =>
  a.grid === b.grid &&
  a.patrolAreas === b.patrolAreas &&
  a.patrols === b.patrols &&
  a.rules === b.rules &&
  a.from === b.from &&
  a.to === b.to &&
  a.asOf === b.asOf;

/** The view for these inputs (computed once per change; measured: 5,000 cells over a year stay well under 100 ms). */
export function complianceView(inputs: Inputs): ComplianceView {
  if (last && sameInputs(last.inputs, inputs)) return last.view;
  const source = complianceAreasOf(inputs.grid, inputs.patrolAreas);
  const period = inputs.from && inputs.to ? { from: inputs.from, to: inputs.to } : null;
  const t0 = performance.now();
  const results = period
    ? computeCompliance({
        from: period.from,
        to: period.to,
        asOf: inputs.asOf,
        areas: source.areas,
        rules: inputs.rules,
        patrols: inputs.patrols,
        roleOf: officerRolesOf(inputs.grid),
      })
    : [];
  const computeMs = performance.now() - t0;
  const view: ComplianceView = {
    asOf: inputs.asOf,
    period,
    source,
    results,
    rows: complianceRows(results, source.meta, lastPatrolDays(inputs.patrols, inputs.asOf), inputs.asOf),
    counts: statusCounts(results),
    map: complianceMapData(results, source.meta),
    computeMs,
  };
  last = { inputs, view };
  return view;
}

export function useCompliance(): ComplianceView {
  const { areas } = useStore(gridState);
  const { patrols, rules } = useStore(patrolState);
  const ui = useStore(complianceUi);
  const patrolAreas = usePatrolAreas();
  // Today in China, read once per render: a view left open over midnight moves on at its next change.
  const asOf = todayInChina(Date.now());
  const period = periodOf(ui.periodKind, asOf, { from: ui.customFrom, to: ui.customTo });
  const from = period?.from ?? null;
  const to = period?.to ?? null;
  return useMemo(
    () => complianceView({ grid: areas, patrolAreas, patrols, rules, from, to, asOf }),
    [areas, patrolAreas, patrols, rules, from, to, asOf],
  );
}
