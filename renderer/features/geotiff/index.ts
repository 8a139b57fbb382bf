export { geotiffFeature } from './contribution';
export {
  closeGeotiff,
  openGeotiff,
  rasterSpecOf,
  zoomRangeOf,
  renderImagery,
  geotiffLayers,
  geotiffReadStats,
  type GeotiffLayer,
  type ImageryRender,
  type ImagerySource,
  MAX_RENDER_PIXELS,
  MAX_RENDER_SIDE,
} from './geotiff-client';
export { sheetFrame } from './geotiff.logic';
export type { GkExtent } from './print-extent';
export type { GeoTiffInfo } from './geotiff-image';
export type { OpenResult } from './geotiff.protocol';
