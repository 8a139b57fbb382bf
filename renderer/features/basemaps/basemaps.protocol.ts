/** The download-ahead worker's protocol (renderer/platform/worker-protocol.ts). */
import type { BasemapJob } from '../../db';
import type { BasemapSettings } from './basemaps.logic';

export interface DownloadRequest {
  job: BasemapJob;
  /** The settings as they are now (the key among them: kept in memory, never in the job record). */
  settings: BasemapSettings;
  /** The service worker's endpoint, absolute (basemap-fetch.ts endpointUrl). */
  endpoint: string;
}

export interface DownloadProgress {
  nextIndex: number;
  failed: number;
  bytes: number;
  /** Tiles written by this run (not already cached). */
  fetched: number;
}

export interface DownloadResult extends DownloadProgress {
  /** 'done': every tile asked for; 'offline': the server stopped answering (the job can be resumed). */
  end: 'done' | 'offline';
}

export type BasemapsProtocol = {
  /** Fails `invalidRequest` (the job's source is not enabled). */
  download: { request: DownloadRequest; result: DownloadResult; progress: DownloadProgress };
};
