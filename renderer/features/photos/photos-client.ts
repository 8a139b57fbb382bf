/** The photos worker: one, kept (photos come in batches; exifr stays loaded). */
import { createWorkerClient } from '../../platform/worker-client';
import type { PhotoMeta } from '../../../shared/formats/photo/exif';
import type { PhotosProtocol, StampResult } from './photos.protocol';

const client = createWorkerClient<PhotosProtocol>({
  spawn: () => new Worker(new URL('./photos.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-photos' }),
  lifetime: 'persistent',
  recover: 'resend',
});

/** The photo's EXIF, read in the worker (the bytes are moved there). */
export const readPhotoInWorker = (name: string, bytes: Uint8Array): Promise<PhotoMeta> =>
  client.request('read', { name, bytes }, { transfer: [bytes.buffer] });

export const stampInWorker = (original: Blob, lines: string[]): Promise<StampResult> => client.request('stamp', { original, lines });
