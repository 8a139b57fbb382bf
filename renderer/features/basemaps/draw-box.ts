/**
 * 画框 for download ahead: the download dialog steps aside, the map runs a line tool whose clicked corners make the
 * box (click one corner, then the opposite one; Enter or a click on the last corner finishes; Escape gives up), the
 * box is previewed as it is drawn and shown while the dialog is open again, with its estimate.
 */
import type { MapTool } from '../../map';
import { createStore } from '../../ui/store';
import type { Workbench } from '../../ui/workbench';
import { boxOfCorners, type LonLatBox } from './basemaps.logic';
import { dialogState } from './dialog-state';

export const TOOL_ID = 'basemaps.drawBox';

/** The corners placed so far plus the pointer while drawing (null: not drawing). */
export const drawingCorners = createStore<readonly [number, number][] | null>(null);
/** The finished box (null: none drawn, or the dialog closed). */
export const drawnBox = createStore<LonLatBox | null>(null);

export function startDrawBox(wb: Workbench): void {
  let finished = false;
  const tool: MapTool<'linestring'> = {
    id: TOOL_ID,
    mode: 'linestring',
    onChange: (vertices) => drawingCorners.set([...vertices]),
    onFinish: (_line, vertices) => {
      finished = true;
      drawingCorners.set(null);
      const box = boxOfCorners(vertices);
      if (box) drawnBox.set(box);
      wb.map.current()?.setTool(null);
      dialogState.set({ kind: 'download' });
    },
    onCancel: () => {
      if (finished) return;
      drawingCorners.set(null);
      // After this key event: the dialog's own Escape listener, added as it mounts, would otherwise close it at once.
      setTimeout(() => dialogState.set({ kind: 'download' }), 0);
    },
  };
  dialogState.set({ kind: 'drawBox' });
  drawingCorners.set([]);
  wb.map.whenReady((m) => m.setTool(tool));
}

export function cancelDrawBox(wb: Workbench): void {
  wb.map.current()?.setTool(null);
}
