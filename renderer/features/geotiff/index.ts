export { geotiffFeature } from './contribution';
export {
  closeGeotiff,
  geotiffTiles,
  openGeotiff,
  zoomRangeOf,
  renderImagery,
  geotiffLayers,
  geotiffReadStats,
  warmGeotiffWorker,
  type GeotiffLayer,
  type ImageryRender,
  type ImagerySource,
  MAX_RENDER_PIXELS,
  MAX_RENDER_SIDE,
} from './geotiff-client';
export { claimsGeoTiffFile, groupGeoTiffFiles, isGeoTiffPath, refusalKey as geotiffRefusalKey, sheetFrame } from './geotiff.logic';
export { GeotiffDetails } from './components/GeotiffDetails';
export type { GkExtent } from './print-extent';
export type { GeoTiffInfo, OpenRefusal as GeotiffRefusal } from './geotiff-image';
export type { OpenResult } from './geotiff.protocol';
