export { imageryFeature } from './contribution';
export { ImageryLayerSection } from './components/ImageryLayerSection';
