/**
 * 核查 (issue 11 item 6): the stored inspection records as a list — a left-dock panel after 考核 (search, filters,
 * counts per township with 立案率 / 结案率, export), the rows in a drawer under the map, and the records' plots on
 * the map coloured by status with a legend card while the tab is open. A row or a plot clicked opens the record
 * (the inspection feature's openInspection). Everything is read and filtered in the list worker.
 */
import { useEffect, useMemo } from 'react';
import { INSPECTION_STATUSES } from '../../../shared/domain/inspection/status';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { openInspection, openInspectionState } from '../inspection';
import { InspectionListLegendHost } from './components/InspectionListLegend';
import { InspectionListPanel } from './components/InspectionListPanel';
import { InspectionListTableHost } from './components/InspectionListTable';
import { STATUS_STYLE } from './inspection-list.logic';
import { LIST_PANEL_ID, OPEN_LAYER_ID, STATUS_LAYER_IDS, statusLayerId } from './inspection-list-ids';
import { listUi, useInspectionMap, warmInspectionList } from './inspection-list-state';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

function useInspectionListLayers(): readonly MapLayerSpec[] {
  const wb = useWorkbench();
  const tabOpen = useStore(wb.dock).left === LIST_PANEL_ID;
  const { showOnMap } = useStore(listUi);
  const shown = tabOpen && showOnMap;
  const { data } = useInspectionMap(shown);
  const open = useStore(openInspectionState);
  const openGeometry = open?.record?.geometry ?? null;
  return useMemo((): MapLayerSpec[] => {
    const specs: MapLayerSpec[] = INSPECTION_STATUSES.map((s) => ({
      type: 'geojson',
      id: statusLayerId(s),
      data: data?.byStatus[s] ?? EMPTY,
      paint: {
        fill: { color: STATUS_STYLE[s].fill, opacity: STATUS_STYLE[s].opacity },
        line: { color: STATUS_STYLE[s].line, widthPx: 1.5 },
        // The pin at the plot's centre: a plot of a few hundred m² is below a pixel at a county's scale.
        circle: { color: STATUS_STYLE[s].fill, radiusPx: 5, strokeColor: '#ffffff', strokeWidthPx: 1.5 },
      },
      visible: shown,
      interactive: shown,
    }));
    specs.push({
      type: 'geojson',
      id: OPEN_LAYER_ID,
      data: openGeometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: openGeometry, properties: {} }] } : EMPTY,
      paint: { line: { color: '#00b8d4', widthPx: 3.5 } },
      visible: tabOpen && openGeometry !== null,
    });
    return specs;
  }, [data, shown, tabOpen, openGeometry]);
}

/** A click on a record's plot or pin (the shell's selection) opens the record. */
function InspectionListMapPicker() {
  const wb = useWorkbench();
  const { data } = useInspectionMap(false);
  useEffect(
    () =>
      wb.selection.subscribe(() => {
        const hit = wb.selection.get();
        if (!hit || !STATUS_LAYER_IDS.includes(hit.layerId)) return;
        wb.selection.set(null);
        const id = data?.ids[hit.fid];
        if (id) {
          void openInspection(id);
          wb.showPanel('inspection');
        }
      }),
    [wb, data],
  );
  return null;
}

/** Reads the stored records in the list worker once the app is idle after its start, so the tab opens at once. */
function InspectionListWarmUp() {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 2000));
    const timer = window.setTimeout(() => idle(() => warmInspectionList(), { timeout: 10_000 }), 3000);
    return () => window.clearTimeout(timer);
  }, []);
  return null;
}

export const inspectionListFeature: FeatureContribution = {
  id: 'inspectionList',
  panels: [{ id: LIST_PANEL_ID, titleKey: 'inspectionList.dock', dock: 'left', order: 7, component: InspectionListPanel }],
  hosts: [
    { slot: 'map', component: InspectionListTableHost },
    { slot: 'map', component: InspectionListLegendHost },
    { slot: 'map', component: InspectionListMapPicker },
    { slot: 'map', component: InspectionListWarmUp },
  ],
  useMapLayers: useInspectionListLayers,
};
