/** The names the import feature's index.ts (and the shell's import host) still use; the protocol is import.protocol.ts. */
export type { ImportSummary as JobSummary, JobProgress, WorkerFile } from './import.protocol';
