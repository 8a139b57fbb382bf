export { StatusBar, type Camera } from './components/StatusBar';
export { LiveStatusBar } from './components/LiveStatusBar';
export { useStatusbar, type StatusSource } from './use-statusbar';
