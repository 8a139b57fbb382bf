/**
 * Download-ahead jobs on the UI side: created with their tile count (the estimate was shown first), run in the
 * basemaps worker, their progress written to the job record after every batch (so a restart resumes where it was),
 * paused or cancelled by the user. A job found 'running' at start was cut short by the app closing: it is shown
 * paused, and 继续 resumes it from its next tile.
 */
import { deleteBasemapJob, listBasemapJobs, putBasemapJob, type BasemapJob } from '../../db';
import { createWorkerClient } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import { endpointUrl, ensureServiceWorker } from './basemap-fetch';
import { countTiles, tileRangesOf, type LonLatBox } from './basemaps.logic';
import type { BasemapsProtocol } from './basemaps.protocol';
import { basemapSettings, refreshCacheStats } from './basemaps-state';

export interface JobView extends BasemapJob {
  /** Why a run ended early ('offline'), shown beside a paused job. */
  note: 'offline' | 'restart' | null;
}

export const jobsState = createStore<readonly JobView[]>([]);
const running = new Map<string, AbortController>();

const client = createWorkerClient<BasemapsProtocol>({
  spawn: () => new Worker(new URL('./basemaps.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-basemaps' }),
  lifetime: 'per-request',
  cancel: 'message',
});

function setJob(job: JobView): void {
  jobsState.set((list) => (list.some((j) => j.id === job.id) ? list.map((j) => (j.id === job.id ? job : j)) : [...list, job]));
}

async function save(job: JobView): Promise<void> {
  setJob(job);
  const { note: _note, ...record } = job;
  await putBasemapJob(record);
}

export async function loadJobs(): Promise<void> {
  const jobs = await listBasemapJobs();
  const views: JobView[] = [];
  for (const j of jobs) {
    if (j.state === 'running') {
      const v: JobView = { ...j, state: 'paused', note: 'restart' };
      await putBasemapJob({ ...j, state: 'paused' });
      views.push(v);
    } else views.push({ ...j, note: null });
  }
  jobsState.set(views);
}

export async function startJob(sourceId: string, label: string, box: LonLatBox, zooms: number[]): Promise<void> {
  const now = Date.now();
  const job: JobView = {
    id: `job-${now.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
    sourceId,
    label,
    box,
    zooms,
    total: countTiles(tileRangesOf(box, zooms)),
    nextIndex: 0,
    failed: 0,
    bytes: 0,
    state: 'running',
    createdAt: now,
    updatedAt: now,
    note: null,
  };
  await save(job);
  void run(job);
}

async function run(job: JobView): Promise<void> {
  const ac = new AbortController();
  running.set(job.id, ac);
  let current: JobView = { ...job, state: 'running', note: null };
  await save(current);
  try {
    await ensureServiceWorker();
    const r = await client.request(
      'download',
      { job: { ...current, note: undefined } as unknown as BasemapJob, settings: basemapSettings.get(), endpoint: endpointUrl(document.baseURI) },
      {
        signal: ac.signal,
        onProgress: (p) => {
          current = { ...current, nextIndex: p.nextIndex, failed: p.failed, bytes: p.bytes, updatedAt: Date.now() };
          void save(current);
        },
      },
    );
    current = {
      ...current,
      nextIndex: r.nextIndex,
      failed: r.failed,
      bytes: r.bytes,
      updatedAt: Date.now(),
      state: r.end === 'done' ? 'done' : 'paused',
      note: r.end === 'offline' ? 'offline' : null,
    };
    await save(current);
  } catch {
    // Paused or cancelled by the user (they wrote the state), or the worker failed: the job stays resumable.
    const now = jobsState.get().find((j) => j.id === job.id);
    if (now && now.state === 'running') await save({ ...now, state: 'paused', note: null });
  } finally {
    running.delete(job.id);
    await refreshCacheStats();
  }
}

export async function pauseJob(id: string): Promise<void> {
  const j = jobsState.get().find((x) => x.id === id);
  if (!j) return;
  await save({ ...j, state: 'paused', note: null, updatedAt: Date.now() });
  running.get(id)?.abort();
}

export async function resumeJob(id: string): Promise<void> {
  const j = jobsState.get().find((x) => x.id === id);
  if (!j || running.has(id)) return;
  void run(j);
}

/** Stops the job and forgets it; the tiles it fetched stay in the cache. */
export async function cancelJob(id: string): Promise<void> {
  running.get(id)?.abort();
  jobsState.set((list) => list.filter((j) => j.id !== id));
  await deleteBasemapJob(id);
}
