/**
 * 任务 (issue 10 item 3): a left-dock panel with the patrol areas (巡查区域: key areas, corridors, stop-notice sites) and
 * the day's tasks (当日任务), the areas drawn on the map by kind with their names (key areas orange and hatched, corridors
 * blue with their centre line, sites red), the task being planned (its points and route), the print view of its task
 * sheet, and "加入当日任务点位" in the map's right-click menu while a task is open.
 */
import { useMemo } from 'react';
import type { MapLayerSpec } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { TaskSheetView } from './components/TaskSheetView';
import { TasksPanel } from './components/TasksPanel';
import { addTaskPoint } from './tasks-actions';
import { areaMapData, draftMapData, KIND_COLOURS, taskMapData } from './tasks.logic';
import { bootTasks, patrolAreaState, tasksState } from './tasks-state';

function useTasksMapLayers(): readonly MapLayerSpec[] {
  const { areas } = useStore(patrolAreaState);
  const { areaDraft, taskDraft, selectedAreaId } = useStore(tasksState);
  const data = useMemo(() => areaMapData(areas), [areas]);
  const selected = useMemo(() => areaMapData(areas.filter((a) => a.id === selectedAreaId)), [areas, selectedAreaId]);
  const draft = useMemo(() => draftMapData(areaDraft), [areaDraft]);
  const task = useMemo(() => taskMapData(taskDraft), [taskDraft]);
  return useMemo((): MapLayerSpec[] => {
    const kind = (k: keyof typeof KIND_COLOURS, fillOpacity: number, opts: { dash?: number[]; hatch?: boolean } = {}): MapLayerSpec => ({
      type: 'geojson',
      id: `tasks-${k}`,
      data: data.byKind[k],
      paint: {
        fill: { color: KIND_COLOURS[k], opacity: fillOpacity, ...(opts.hatch ? { hatch: { color: KIND_COLOURS[k] } } : {}) },
        line: { color: KIND_COLOURS[k], widthPx: 2, ...(opts.dash ? { dash: opts.dash } : {}) },
      },
      visible: true,
    });
    return [
      kind('other', 0.08, { dash: [3, 2] }),
      kind('keyArea', 0.06, { hatch: true }),
      kind('corridor', 0.12),
      {
        type: 'geojson',
        id: 'tasks-centre',
        data: data.centreLines,
        paint: { line: { color: KIND_COLOURS.corridor, widthPx: 1.5, dash: [4, 3] } },
        visible: true,
      },
      kind('stopNoticeSite', 0.18),
      {
        type: 'geojson',
        id: 'tasks-selected',
        data: selected.byKind[areas.find((a) => a.id === selectedAreaId)?.kind ?? 'other'],
        paint: { line: { color: '#00b8d4', widthPx: 4 } },
        visible: selectedAreaId !== null,
      },
      {
        type: 'geojson',
        id: 'tasks-draft',
        data: draft,
        paint: {
          fill: { color: '#8e44ad', opacity: 0.15 },
          line: { color: '#8e44ad', widthPx: 2, dash: [2, 2] },
          circle: { color: '#8e44ad', radiusPx: 5 },
        },
        visible: areaDraft !== null,
      },
      // Area names below the task's point labels: maplibre places the upper layer's labels first, so a point's number wins.
      { type: 'geojson', id: 'tasks-labels', data: data.labels, paint: {}, label: { field: 'name', color: '#222', sizePx: 13 }, visible: true },
      {
        type: 'geojson',
        id: 'tasks-route',
        data: task.route,
        paint: { line: { color: '#6a1b9a', widthPx: 3, dash: [3, 1.5] } },
        visible: taskDraft !== null,
      },
      {
        type: 'geojson',
        id: 'tasks-points',
        data: task.points,
        paint: { circle: { color: '#ffeb3b', radiusPx: 6, strokeColor: '#6a1b9a', strokeWidthPx: 2 } },
        label: { field: 'label', color: '#4a148c', sizePx: 12 },
        visible: taskDraft !== null,
      },
    ];
  }, [data, selected, draft, task, areaDraft, taskDraft, selectedAreaId, areas]);
}

export const tasksFeature: FeatureContribution = {
  id: 'tasks',
  boot: bootTasks,
  panels: [{ id: 'tasks', titleKey: 'tasks.dock', dock: 'left', order: 4, component: TasksPanel }],
  hosts: [{ slot: 'app', component: TaskSheetView }],
  useMapLayers: useTasksMapLayers,
  mapContextMenu: [
    {
      id: 'tasks.addPoint',
      labelKey: 'tasks.menu.addPoint',
      order: 50,
      testId: 'tasks-menu-add-point',
      when: () => tasksState.get().taskDraft !== null,
      perform: (_ctx, target) => {
        addTaskPoint(target.lngLat, '', target.hit ? { layerId: target.hit.layerId, featureId: target.hit.fid } : null);
        tasksState.set((s) => ({ ...s, section: 'task' }));
      },
    },
  ],
};
