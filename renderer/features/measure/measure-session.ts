/**
 * The measure tool's state outside React (a store: commands start and stop it without a component) and the map
 * tool it runs. One measurement at a time; the card shows what the store holds.
 */
import type { MapTool } from '../../map';
import { createStore } from '../../ui/store';
import type { Workbench } from '../../ui/workbench';
import type { LngLat, MeasureMode } from './measure.logic';

export interface MeasureSession {
  /** null: the tool is off. */
  mode: MeasureMode | null;
  /** Placed vertices, plus the pointer's position while drawing (live figures). */
  vertices: readonly LngLat[];
  phase: 'start' | 'drawing' | 'done';
}

export const OFF: MeasureSession = { mode: null, vertices: [], phase: 'start' };
export const session = createStore<MeasureSession>(OFF);

/** The context key commands read ('length' | 'area' | null): which measure command shows pressed. */
export const MODE_KEY = 'measure.mode';
export const TOOL_ID: Record<MeasureMode, string> = { length: 'measure.length', area: 'measure.area' };

function toolFor(mode: MeasureMode, wb: Workbench): MapTool {
  const tool: MapTool = {
    id: TOOL_ID[mode],
    mode: mode === 'length' ? 'linestring' : 'polygon',
    onChange: (vertices) => session.set({ mode, vertices, phase: 'drawing' }),
    onFinish: (_geometry, vertices) => session.set({ mode, vertices, phase: 'done' }),
    // Escape, or another tool took the map: the map has already ended this one.
    onCancel: () => {
      if (session.get().mode !== mode) return;
      session.set(OFF);
      wb.setKey(MODE_KEY, null);
    },
  };
  return tool;
}

/** Starts measuring in `mode`; the same mode again turns the tool off (a toolbar toggle). */
export function toggleMeasure(mode: MeasureMode, wb: Workbench): void {
  if (session.get().mode === mode) {
    stopMeasure(wb);
    return;
  }
  const tool = toolFor(mode, wb);
  wb.map.whenReady((map) => {
    map.setTool(tool);
    session.set({ mode, vertices: [], phase: 'start' });
    wb.setKey(MODE_KEY, mode);
  });
}

export function stopMeasure(wb: Workbench): void {
  // setTool(null) cancels the tool, whose onCancel clears the session.
  wb.map.current()?.setTool(null);
  session.set(OFF);
  wb.setKey(MODE_KEY, null);
}
