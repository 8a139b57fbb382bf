export { LiveStatusBar } from './components/LiveStatusBar';
export { useStatusbar, type StatusSource } from './use-statusbar';
export { statusbarFeature } from './contribution';
