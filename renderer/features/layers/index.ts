export { prefetchLayers, takeStartupLayers, useLayers, type LayersApi, type LayerBlobs, type StartupLayers } from './use-layers';
export { LayerPanel } from './components/LayerPanel';
export { LayerPropertiesDialog } from './components/LayerPropertiesDialog';
export type { LayerItemActions } from './components/LayerItem';
export { topProjectedZone, unionBbox, sortBottomToTop, sortTopToBottom } from './layers.logic';
export { useSampleOnFirstStart } from './use-sample';
export { layersFeature } from './contribution';
export { fitLayersOn, useLayerList, type LayerList } from './layers-context';
