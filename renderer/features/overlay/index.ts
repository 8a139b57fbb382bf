export { OverlayDialog } from './components/OverlayDialog';
export { overlayFeature } from './contribution';
