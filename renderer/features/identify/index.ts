export { useIdentify, type IdentifyTarget, type IdentifyResult } from './use-identify';
export { IdentifyPanel } from './components/IdentifyPanel';
