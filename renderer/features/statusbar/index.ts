export { StatusBar, type Camera } from './components/StatusBar';
export { useStatusbar } from './use-statusbar';
