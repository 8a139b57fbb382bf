export { geotiffFeature } from './contribution';
export {
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
