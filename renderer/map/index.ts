export { warmUpMap } from './warm-up';
export { MapView, type MapHandle } from './MapView';
export type { FeatureHit, MapLayerSpec, MapViewState } from './map-controller';
