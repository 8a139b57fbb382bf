/** UI-thread side of the edit-ops worker: one persistent worker, started on the first split or merge. */
import { createWorkerClient } from '../../platform/worker-client';
import type { EditOpsProtocol } from './edit-ops.protocol';

export const editOps = createWorkerClient<EditOpsProtocol>({
  spawn: () => new Worker(new URL('./edit-ops.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-edit-ops' }),
  lifetime: 'persistent',
  recover: 'resend',
});
