export { layersFeature } from './contribution';
export { prefetchLayers } from './use-layers';
export { fitLayersOn, useLayerList, type LayerList } from './layers-context';
export { topProjectedZone, sortTopToBottom } from './layers.logic';
