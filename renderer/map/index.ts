export { warmUpMap } from './warm-up';
export { MapView, type MapHandle } from './MapView';
export type {
  ColorBy,
  FeatureHit,
  FitOptions,
  FlyToOptions,
  GeoJsonLabel,
  GeoJsonLayerSpec,
  GeoJsonPaint,
  MapLayerSpec,
  MapViewState,
  RasterLayerSpec,
  StoredVectorLayerSpec,
  TiledGeoJson,
} from './map-controller';
export { LIVE_TILE_KEY_PREFIX } from './tile-url';
export type {
  AnyTool,
  EditAllow,
  EditedFeature,
  EditFeature,
  EditPhase,
  EditRefusal,
  EditTool,
  EditView,
  MapTool,
  SnapOptions,
  ToolGeometry,
  ToolGeometryOf,
  ToolMode,
  ToolState,
} from './tools/types';
export type { LngLat } from './tools/tool-machine.logic';
export type { EditorHandle } from './tools/edit-session';
export type { EditFigures } from './tools/edit-figures.logic';
export { parseVertexInput, type ParsedVertex, type VertexInputRefusal } from './tools/vertex-input.logic';
export { editGeometryTool } from './tools/edit-single';
export { fetchProtocolTile, registerTileProtocol } from './tile-protocols';
export { protocolTileTemplate, type TileAddress, type TileFetcher } from './tile-protocols.logic';
