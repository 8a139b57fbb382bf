/**
 * 核查 (issue 11 item 6): the stored inspection records as a list — a left-dock panel after 考核 (search, filters,
 * counts per township with 立案率 / 结案率, export), the rows in a drawer under the map, and the records' plots on
 * the map coloured by status (one layer) with a legend card while the tab is open. A row or a plot clicked opens the record
 * (the inspection feature's openInspection). Everything is read and filtered in the list worker.
 */
import { useEffect, useMemo, useState } from 'react';
import type { GeoJsonPaint, MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { inspectionsChanged, openInspection, openInspectionState } from '../inspection';
import { InspectionListLegendHost } from './components/InspectionListLegend';
import { InspectionListPanel } from './components/InspectionListPanel';
import { InspectionListTableHost } from './components/InspectionListTable';
import { STATUS_COLORS } from './inspection-list.logic';
import { LIST_LAYER_ID, LIST_PANEL_ID, OPEN_LAYER_ID } from './inspection-list-ids';
import { listUi, useInspectionMap, warmInspectionList } from './inspection-list-state';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

// One layer for every status: each part's colour is one `match` on the feature's status (STATUS_COLORS).
const colorBy = (colors: Record<string, string>) => ({ property: 'status', colors, fallback: '#8a8f98' });
const LIST_PAINT: GeoJsonPaint = {
  fill: { color: '#8a8f98', colorBy: colorBy(STATUS_COLORS.fill) },
  line: { color: '#8a8f98', colorBy: colorBy(STATUS_COLORS.line), widthPx: 1.5 },
  // The pin at the plot's centre: a plot of a few hundred m² is below a pixel at a county's scale.
  circle: { color: '#8a8f98', colorBy: colorBy(STATUS_COLORS.pin), radiusPx: 5, strokeColor: '#ffffff', strokeWidthPx: 1.5 },
};

/**
 * True once a frame has been painted with `on` true (false again with it): what the map adds after the tab opens
 * waits for the table's first frame, so the rows never wait for the map's tiles, placement or programs.
 */
function useAfterFirstPaint(on: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    setPainted(false);
    if (!on) return;
    let timer = 0;
    // The rAF callback runs before that frame's paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [on]);
  return on && painted;
}

/**
 * `value` while `shown`; while hidden, the value it had when last shown. A hidden map layer then takes no new data:
 * the list worker's idle warm-up answer (start-up, every change of the records) came while the officer panned and
 * rebuilt the hidden layer (GeoJSON → tiled is another source): a 50 ms task mid-pan. Shown, it takes the newest.
 */
function useHeldWhileHidden<T>(value: T, shown: boolean): T {
  const [held, setHeld] = useState(value);
  // Adjusting state while rendering (React's pattern for state derived from props): no effect, no extra commit.
  if (shown && held !== value) setHeld(value);
  return shown ? value : held;
}

function useInspectionListLayers(): readonly MapLayerSpec[] {
  const wb = useWorkbench();
  const tabOpen = useStore(wb.dock).left === LIST_PANEL_ID;
  const { showOnMap } = useStore(listUi);
  const shown = useAfterFirstPaint(tabOpen && showOnMap);
  const { data } = useInspectionMap(shown);
  const tiles = useHeldWhileHidden(data?.tiles ?? null, shown);
  const open = useStore(openInspectionState);
  const openGeometry = open?.record?.geometry ?? null;
  return useMemo((): MapLayerSpec[] => {
    const specs: MapLayerSpec[] = [
      {
        type: 'geojson',
        id: LIST_LAYER_ID,
        // The features' text for the tile worker: the UI thread never clones 10,000 features (Decision 49).
        data: tiles ?? EMPTY,
        paint: LIST_PAINT,
        visible: shown,
        interactive: shown,
      },
    ];
    specs.push({
      type: 'geojson',
      id: OPEN_LAYER_ID,
      data: openGeometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: openGeometry, properties: {} }] } : EMPTY,
      paint: { line: { color: '#00b8d4', widthPx: 3.5 } },
      visible: tabOpen && openGeometry !== null,
    });
    return specs;
  }, [tiles, shown, tabOpen, openGeometry]);
}

/** A click on a record's plot or pin (the shell's selection) opens the record. */
function InspectionListMapPicker() {
  const wb = useWorkbench();
  const { data } = useInspectionMap(false);
  useEffect(
    () =>
      wb.selection.subscribe(() => {
        const hit = wb.selection.get();
        if (!hit || hit.layerId !== LIST_LAYER_ID) return;
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

/**
 * Asks the list worker for the current filter's answers once the app is idle after its start (and again, when idle,
 * after the stored records change), so the tab opens on answers already here.
 */
function InspectionListWarmUp() {
  const wb = useWorkbench();
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 2000));
    let started = false;
    let pending = false;
    const warm = () =>
      idle(
        () => {
          pending = false;
          warmInspectionList();
        },
        { timeout: 10_000 },
      );
    const timer = window.setTimeout(() => {
      started = true;
      warm();
      // And the map's programs for the list's layer (its first plots would compile them on the UI thread).
      idle(() => wb.map.whenReady((m) => m.primePrograms({ type: 'geojson', id: LIST_LAYER_ID, data: EMPTY, paint: LIST_PAINT, visible: false })), {
        timeout: 10_000,
      });
    }, 3000);
    const unsubscribe = inspectionsChanged.subscribe(() => {
      if (started && !pending) {
        pending = true;
        warm();
      }
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [wb]);
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
