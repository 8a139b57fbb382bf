import type { ImageryInfo } from '../../db';
import type { MapHandle } from '../../map';
import { zoomToView } from './imagery.logic';

/** Shows a layer's extent within its zoom range (imagery.logic zoomToView). */
export function zoomToImagery(map: MapHandle, info: ImageryInfo): void {
  const b = info.bounds;
  if (!b) return;
  map.fit(b, { maxZoom: info.maxzoom, animate: false });
  const v = zoomToView(b, info.minzoom, map.view().zoom);
  if (v) map.flyTo({ ...v, animate: false });
}
