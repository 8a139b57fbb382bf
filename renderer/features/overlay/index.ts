export { OverlayDialog } from './components/OverlayDialog';
