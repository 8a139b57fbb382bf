/**
 * 巡查考核 (issue 10 items 4 and 6): patrol rules as data (the 巡查规则 editor, opened from the 工具 menu and the panel),
 * rule assignment for grid areas, and compliance for a period — a dock panel (period, township, summary, the weekly
 * chart, the stop-notice sites), a sortable table under the map, and the areas coloured by their worst status on the
 * map with a legend card.
 */
import { useEffect, useMemo } from 'react';
import type { GeoJsonPaint, MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { STATUS_FILL_BY, STATUS_LINE_BY, STATUS_STYLE } from './compliance.logic';
import { complianceUi, setUi, useCompliance } from './compliance-state';
import { ComplianceLegendHost } from './components/ComplianceLegend';
import { CompliancePanel } from './components/CompliancePanel';
import { ComplianceTableHost } from './components/ComplianceTable';
import { RuleEditorHost } from './components/RuleEditorDialog';

/** A checklist: the rules icon (16 × 16 grid). */
const RULES_ICON = defineIcon('M3 4 L4.5 5.5 L7 3 M3 8.5 L4.5 10 L7 7.5 M3 13 h0.01 M9 4.5 H13.5 M9 9 H13.5 M9 13 H13.5');

/**
 * The paints, made once (a layer whose paint object is the same is not repainted in place on every new result). One
 * source and one fill layer for every status, coloured by each feature's `status` (STATUS_FILL_BY, STATUS_LINE_BY);
 * the villages' rolled-up outlines in a second; what has no rule dashed grey in a third.
 */
const NONE_PAINT: GeoJsonPaint = { line: { color: STATUS_STYLE.none.line, widthPx: 1, dash: [2, 2] } };
const FILL_PAINT: GeoJsonPaint = {
  fill: { color: STATUS_FILL_BY.fallback, colorBy: STATUS_FILL_BY },
  line: { color: STATUS_LINE_BY.fallback, colorBy: STATUS_LINE_BY, widthPx: 1.5 },
};
const ROLLUP_PAINT: GeoJsonPaint = { line: { color: STATUS_LINE_BY.fallback, colorBy: STATUS_LINE_BY, widthPx: 3.5 } };

/**
 * Context key: true while the compliance map outlines every grid cell (each leaf area is in `fills` or `none`, whatever
 * the township filter), so the grid drops its own cell outlines under these (README Decision: one outline per cell).
 */
export const COMPLIANCE_MAP_KEY = 'compliance.map';

function useComplianceLayers(): readonly MapLayerSpec[] {
  const wb = useWorkbench();
  const { showOnMap } = useStore(complianceUi);
  const view = useCompliance(showOnMap);
  useEffect(() => {
    wb.setKey(COMPLIANCE_MAP_KEY, showOnMap);
    return () => wb.setKey(COMPLIANCE_MAP_KEY, false);
  }, [wb, showOnMap]);
  return useMemo(
    (): MapLayerSpec[] => [
      { type: 'geojson', id: 'compliance-none', data: view.map.none, paint: NONE_PAINT, visible: showOnMap },
      { type: 'geojson', id: 'compliance-fills', data: view.map.fills, paint: FILL_PAINT, visible: showOnMap },
      { type: 'geojson', id: 'compliance-rollups', data: view.map.rollups, paint: ROLLUP_PAINT, visible: showOnMap },
    ],
    [view, showOnMap],
  );
}

export const complianceFeature: FeatureContribution = {
  id: 'compliance',
  commands: [
    {
      id: 'compliance.rules',
      labelKey: 'compliance.rules.command',
      menuLabelKey: 'compliance.rules.menu',
      icon: RULES_ICON,
      menu: { menu: 'tools', group: 3, order: 0 },
      testId: 'compliance-rules-command',
      perform: () => setUi({ rulesOpen: true }),
    },
  ],
  panels: [{ id: 'compliance', titleKey: 'compliance.dock', dock: 'left', order: 6, component: CompliancePanel }],
  hosts: [
    { slot: 'map', component: ComplianceTableHost },
    { slot: 'map', component: ComplianceLegendHost },
    { slot: 'app', component: RuleEditorHost },
  ],
  useMapLayers: useComplianceLayers,
};
