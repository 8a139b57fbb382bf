export { warmUpMap } from './warm-up';
export { MapView, type MapHandle } from './MapView';
export type { FeatureHit, FitOptions, FlyToOptions, GeoJsonLayerSpec, GeoJsonPaint, MapLayerSpec, MapViewState, RasterLayerSpec, StoredVectorLayerSpec } from './map-controller';
export type { MapTool, ToolGeometry, ToolGeometryOf, ToolMode, ToolState } from './tools/types';
export type { LngLat } from './tools/tool-machine.logic';
