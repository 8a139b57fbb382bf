export { useImport, type ImportApi, type ImportState } from './use-import';
export { runJob, JobCancelled } from './worker-client';
export type { JobSummary, JobProgress } from './worker-protocol';
export { safeFormatIssue } from './issues.view';
export { ImportButtons, pickWithElectron } from './components/ImportButtons';
export { DropZone } from './components/DropZone';
export { ImportProgressCard } from './components/ImportProgressCard';
export { ImportResultDialog } from './components/ImportResultDialog';
export { CrsDialog } from './components/CrsDialog';
