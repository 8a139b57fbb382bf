export { useIdentify, type IdentifyResult } from './use-identify';
export { IdentifyPanel } from './components/IdentifyPanel';
export { identifyFeature } from './contribution';
