/**
 * The download box over the map, above every layer: while it is being drawn (its corners so far and the pointer) and
 * while the download dialog uses it. An element placed by the map's projection of its corners (re-placed when the
 * camera moves), not a map layer: the basemaps' layers lie under every other one, and this must be seen over them.
 */
import { useStore } from '../../../ui/store';
import { createStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { boxOfCorners } from '../basemaps.logic';
import { drawingCorners, drawnBox } from '../draw-box';

/** Bumped on every camera move while a box is shown (mapListeners.onCamera). */
export const cameraTick = createStore(0);

export function BoxOverlay() {
  const wb = useWorkbench();
  const corners = useStore(drawingCorners);
  const drawn = useStore(drawnBox);
  useStore(cameraTick);
  const box = corners ? boxOfCorners(corners) : drawn;
  const map = wb.map.current();
  if (!box || !map) return null;
  const [x0, y0] = map.project([box[0], box[3]]);
  const [x1, y1] = map.project([box[2], box[1]]);
  return (
    <div
      className="basemap-download-box"
      data-testid="basemap-box-overlay"
      style={{ left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }}
    />
  );
}
