export { importFeature } from './contribution';
export { pickWithElectron } from './pick-electron';
export { safeFormatIssue } from './issues.view';
