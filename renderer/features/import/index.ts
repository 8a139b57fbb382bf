export { useImport, type ImportState } from './use-import';
export { runJob } from './worker-client';
export type { JobSummary } from './worker-protocol';
export { safeFormatIssue } from './issues.view';
export { ImportButtons, pickWithElectron } from './components/ImportButtons';
export { DropZone } from './components/DropZone';
export { ImportProgressCard } from './components/ImportProgressCard';
export { ImportResultDialog } from './components/ImportResultDialog';
export { CrsDialog } from './components/CrsDialog';
