/**
 * 网格 (issue 10 items 1–2): a left-dock panel after 图层 and 图例 with the area tree and the selected area's details
 * and map actions (draw, edit, split, merge, topology: grid-map-edit.ts), and the areas drawn as live GeoJSON layers
 * over the stored ones — townships, villages and cells each with their names as labels, the selected area
 * highlighted, drawn pieces waiting for names, and the last topology check's overlaps (red, hatched) and gaps (orange) with
 * their areas. While the 网格 tab is the open one, a click on an area selects it in the tree (the areas take the
 * click; with any other tab open the click identifies the stored layers as before).
 */
import { useEffect, useMemo } from 'react';
import { formatNumber, useI18n } from '../../i18n';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { COMPLIANCE_MAP_KEY } from '../compliance';
import { GridPanel } from './components/GridPanel';
import { gridFeatures, gridLabelPoints, labelMinZoom, pieceLabels } from './grid.logic';
import { gridEditState } from './grid-map-edit';
import { gridState, reloadGrid, selectArea } from './grid-state';
import type { GridArea } from '../../../shared/domain/grid/area-record';

/** The layers a click can pick an area from, top (deepest level) first. */
export const GRID_PICK_LAYERS = ['grid-cells', 'grid-villages', 'grid-townships'] as const;

const LABEL = { field: 'name', haloColor: '#ffffff', haloWidthPx: 1.6 } as const;
const isTop = (a: GridArea) => a.level === 'county' || a.level === 'township';

function useGridMapLayers(): readonly MapLayerSpec[] {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const { areas, selectedId, preview } = useStore(gridState);
  const { pending, topology } = useStore(gridEditState);
  const picking = useStore(wb.dock).left === 'grid';
  // The compliance map outlines every cell in its status colour: a second outline of 5,000 cells under it is only
  // more for maplibre to tessellate and draw on every frame of a pan (scripts/bench/map-cells.mjs).
  const cellsOutlined = useStore(wb.keys)[COMPLIANCE_MAP_KEY] === true;
  const levels = useMemo(() => {
    const cells = areas.filter((a) => a.level === 'cell');
    return {
      top: { data: gridFeatures(areas, isTop), points: gridLabelPoints(areas, isTop) },
      village: { data: gridFeatures(areas, (a) => a.level === 'village'), points: gridLabelPoints(areas, (a) => a.level === 'village') },
      // data keeps each feature's fid = its index in `areas` (what a map hit names); labels need only the cells.
      cell: {
        data: gridFeatures(areas, (a) => a.level === 'cell'),
        points: gridLabelPoints(cells),
        minzoom: labelMinZoom(cells),
        many: cells.length > 1000,
      },
    };
  }, [areas]);
  const topo = useMemo(() => {
    const r = topology?.run.result;
    const fig = (m2: number, mu: number) => t('gridMap.topology.figures', { m2: formatNumber(lang, m2, 2), mu: formatNumber(lang, mu, 4) });
    const overlaps = (r?.overlaps ?? []).map((o) => ({
      geometry: o.geometry,
      text: `${t('gridMap.topology.overlapShort')} ${fig(o.area.planarM2, o.area.mu)}`,
    }));
    const gaps = (r?.gaps ?? []).map((g, i) => ({
      geometry: g.geometry,
      text: `${t('gridMap.topology.gap', { n: i + 1 })} ${fig(g.area.planarM2, g.area.mu)}`,
    }));
    const fc = (xs: typeof overlaps) => ({
      type: 'FeatureCollection' as const,
      features: xs.map((x) => ({ type: 'Feature' as const, geometry: x.geometry, properties: {} })),
    });
    return { overlaps: { data: fc(overlaps), points: pieceLabels(overlaps) }, gaps: { data: fc(gaps), points: pieceLabels(gaps) } };
  }, [topology, t, lang]);
  const pendingLayer = useMemo(() => {
    const pieces = (pending?.pieces ?? []).map((p) => ({ geometry: p.geometry, text: p.name }));
    return {
      data: { type: 'FeatureCollection' as const, features: pieces.map((p) => ({ type: 'Feature' as const, geometry: p.geometry, properties: {} })) },
      points: pieceLabels(pieces),
    };
  }, [pending]);
  return useMemo(
    (): MapLayerSpec[] => [
      {
        type: 'geojson',
        id: 'grid-townships',
        data: levels.top.data,
        paint: { fill: { color: '#ff8c00', opacity: 0.04 }, line: { color: '#d35400', widthPx: 3 } },
        visible: true,
        interactive: picking,
        label: { ...LABEL, sizePx: 15, color: '#a04000', points: levels.top.points },
      },
      {
        type: 'geojson',
        id: 'grid-villages',
        data: levels.village.data,
        paint: { fill: { color: '#ff8c00', opacity: 0.04 }, line: { color: '#d35400', widthPx: 2 } },
        visible: true,
        interactive: picking,
        label: { ...LABEL, sizePx: 13, color: '#8a3a00', minzoom: 11, points: levels.village.points },
      },
      {
        type: 'geojson',
        id: 'grid-cells',
        data: levels.cell.data,
        // A faint fill while the 网格 tab picks, so a click inside a cell (not only on its outline) picks it; a
        // township of thousands of small cells gets thin solid outlines (every extra full-screen fill and dash costs a
        // frame on a laptop's GPU: scripts/bench/map-cells.mjs).
        paint: {
          ...(picking ? { fill: { color: '#8e44ad', opacity: 0.03 } } : {}),
          ...(cellsOutlined ? {} : { line: levels.cell.many ? { color: '#8e44ad', widthPx: 1 } : { color: '#8e44ad', widthPx: 2, dash: [4, 2] } }),
        },
        visible: true,
        interactive: picking,
        label: { ...LABEL, sizePx: 12, color: '#5b2c6f', minzoom: levels.cell.minzoom, points: levels.cell.points },
      },
      {
        type: 'geojson',
        id: 'grid-selected',
        data: gridFeatures(areas, (a) => a.id === selectedId),
        paint: { fill: { color: '#00e5ff', opacity: 0.2 }, line: { color: '#00b8d4', widthPx: 3 } },
        visible: selectedId !== null,
      },
      {
        type: 'geojson',
        id: 'grid-preview',
        data: gridFeatures(preview ?? []),
        paint: { fill: { color: '#8e44ad', opacity: 0.12 }, line: { color: '#8e44ad', widthPx: 2 } },
        visible: preview !== null,
      },
      {
        type: 'geojson',
        id: 'grid-pending',
        data: pendingLayer.data,
        paint: { fill: { color: '#2e86de', opacity: 0.2 }, line: { color: '#1b4f72', widthPx: 2 } },
        visible: pending !== null,
        label: { ...LABEL, sizePx: 13, color: '#1b4f72', points: pendingLayer.points },
      },
      {
        type: 'geojson',
        id: 'grid-topology-gaps',
        data: topo.gaps.data,
        // A wide outline: a gap a few metres wide is still seen at a village's scale.
        paint: { fill: { color: '#f39c12', opacity: 0.65 }, line: { color: '#e67e22', widthPx: 4 } },
        visible: topology !== null,
        label: { ...LABEL, sizePx: 13, color: '#7e5109', allowOverlap: true, points: topo.gaps.points },
      },
      {
        type: 'geojson',
        id: 'grid-topology-overlaps',
        data: topo.overlaps.data,
        paint: { fill: { color: '#e74c3c', opacity: 0.35, hatch: { color: '#922b21' } }, line: { color: '#c0392b', widthPx: 3 } },
        visible: topology !== null,
        label: { ...LABEL, sizePx: 13, color: '#922b21', allowOverlap: true, points: topo.overlaps.points },
      },
    ],
    [levels, areas, selectedId, preview, picking, cellsOutlined, pending, pendingLayer, topo, topology],
  );
}

/** Turns a click on a grid layer (the shell's selection) into the area selected in the tree. */
function GridMapPicker() {
  const wb = useWorkbench();
  useEffect(
    () =>
      wb.selection.subscribe(() => {
        const hit = wb.selection.get();
        if (!hit || !(GRID_PICK_LAYERS as readonly string[]).includes(hit.layerId)) return;
        const area = gridState.get().areas[hit.fid];
        wb.selection.set(null);
        if (area) selectArea(area.id);
      }),
    [wb],
  );
  return null;
}

export const gridFeature: FeatureContribution = {
  id: 'grid',
  boot: reloadGrid,
  panels: [{ id: 'grid', titleKey: 'dock.grid', dock: 'left', order: 2, component: GridPanel }],
  hosts: [{ slot: 'map', component: GridMapPicker }],
  useMapLayers: useGridMapLayers,
};
