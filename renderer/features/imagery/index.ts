export { imageryFeature } from './contribution';
export { ImageryLayerSection } from './components/ImageryLayerSection';
export { printImageryLayers, type PrintImagery } from './print-sources';
