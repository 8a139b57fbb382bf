export { useIdentify, type IdentifyResult } from './use-identify';
export { IdentifyPanel } from './components/IdentifyPanel';
