/**
 * 网格 (issue 10 item 2, first slice): a left-dock panel after 图层 and 图例 with the area tree and the selected area's
 * details, 从图层提取 to promote a boundary layer's polygons, and the areas drawn as live GeoJSON layers over the
 * stored ones: township/village outlines, cell outlines, and the selected area highlighted.
 */
import { useMemo } from 'react';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { GridPanel } from './components/GridPanel';
import { gridFeatures } from './grid.logic';
import { gridState, reloadGrid } from './grid-state';

function useGridMapLayers(): readonly MapLayerSpec[] {
  const { areas, selectedId, preview } = useStore(gridState);
  return useMemo((): MapLayerSpec[] => {
    const specs: MapLayerSpec[] = [
      {
        type: 'geojson',
        id: 'grid-areas',
        data: gridFeatures(areas, (a) => a.level !== 'cell'),
        paint: { fill: { color: '#ff8c00', opacity: 0.04 }, line: { color: '#d35400', widthPx: 2 } },
        visible: true,
      },
      {
        type: 'geojson',
        id: 'grid-cells',
        data: gridFeatures(areas, (a) => a.level === 'cell'),
        paint: { line: { color: '#8e44ad', widthPx: 2, dash: [4, 2] } },
        visible: true,
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
    ];
    return specs;
  }, [areas, selectedId, preview]);
}

export const gridFeature: FeatureContribution = {
  id: 'grid',
  boot: reloadGrid,
  panels: [{ id: 'grid', titleKey: 'dock.grid', dock: 'left', order: 2, component: GridPanel }],
  useMapLayers: useGridMapLayers,
};
