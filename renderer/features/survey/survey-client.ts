/** The survey worker, one per request (a file is small; cancel = terminate). The bytes are copied, not moved: the
 *  import keeps them for the column mapping's second read. */
import { createWorkerClient, type RequestOptions } from '../../platform/worker-client';
import type { ApplyMappingRequest, ReadSurveyRequest, ReadSurveyResult, SurveyProgress, SurveyProtocol } from './survey.protocol';
import type { SurveyFile } from '../../../shared/formats/survey/types';

const client = createWorkerClient<SurveyProtocol>({
  spawn: () => new Worker(new URL('./survey.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-survey' }),
  lifetime: 'per-request',
});

export const readSurveyInWorker = (req: ReadSurveyRequest, o: RequestOptions<SurveyProgress> = {}): Promise<ReadSurveyResult> =>
  client.request('read', { ...req, bytes: req.bytes.slice() }, o);

export const applyMappingInWorker = (req: ApplyMappingRequest, o: RequestOptions<SurveyProgress> = {}): Promise<SurveyFile> =>
  client.request('apply', { ...req, bytes: req.bytes.slice() }, o);
