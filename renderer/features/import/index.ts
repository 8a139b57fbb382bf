export { importFeature } from './contribution';
export { pickWithElectron } from './pick-electron';
export { safeFormatIssue } from './issues.view';
export { registerFileClaim, type FileClaim } from './file-claims';
