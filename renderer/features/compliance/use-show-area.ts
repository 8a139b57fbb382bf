import { useCallback } from 'react';
import { useWorkbench } from '../../ui/workbench';
import { selectArea } from '../grid';
import { areaBbox } from './compliance.logic';
import { useCompliance } from './compliance-state';

/** Select an area in the grid (its highlight, the 网格 panel's details) and fit the map to it. */
export function useShowArea(): (areaId: string) => void {
  const wb = useWorkbench();
  const view = useCompliance();
  return useCallback(
    (areaId: string) => {
      const meta = view.source.meta.get(areaId);
      // A patrol area is not a grid area: the grid keeps its own selection then.
      if (meta && meta.kind !== 'patrolArea') selectArea(areaId);
      const bbox = areaBbox(meta);
      if (bbox) wb.map.whenReady((m) => m.fit(bbox, { maxZoom: 16 }));
    },
    [wb, view],
  );
}
