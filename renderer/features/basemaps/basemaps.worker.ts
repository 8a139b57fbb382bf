/// <reference lib="webworker" />
/**
 * Download ahead, off the UI thread: the job's tiles (zoom by zoom, tileAt order) from its next index, a batch at a
 * time — the cached ones skipped, the rest fetched four at once through the service worker and written in one
 * transaction per batch. Progress after each batch (the UI persists it in the job, so a restart resumes there);
 * cancel stops after the batch in flight. Three batches in a row that find the network gone end the run 'offline'.
 */
import { cachedBasemapIds, putBasemapTiles, type NewBasemapTile } from '../../db';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import { fetchOnlineTile } from './basemap-fetch';
import { enabledOrigins, tileAt, tileCacheId, tileLayersOf, tileRangesOf } from './basemaps.logic';
import type { BasemapsProtocol } from './basemaps.protocol';

const BATCH = 32;
const PARALLEL = 4;

serveWorker<BasemapsProtocol>({
  download: async ({ job, settings, endpoint }, ctx) => {
    const source = settings.sources.find((s) => s.id === job.sourceId && s.enabled);
    if (!source) throw new CodedError('invalidRequest', { detail: 'source not enabled', params: { reason: 'sourceOff' } });
    const layers = tileLayersOf(source, settings);
    const allowed = enabledOrigins(settings);
    const ranges = tileRangesOf(job.box, job.zooms);
    let { nextIndex, failed, bytes } = job;
    let fetched = 0;
    let offlineBatches = 0;
    while (nextIndex < job.total && !ctx.signal.aborted) {
      const wanted: { id: string; tileSet: string; url: string }[] = [];
      const end = Math.min(job.total, nextIndex + BATCH);
      for (let i = nextIndex; i < end; i++) {
        const t = tileAt(ranges, i)!;
        for (const l of layers)
          if (t.z <= l.maxzoom) wanted.push({ id: tileCacheId(l.tileSet, t.z, t.x, t.y), tileSet: l.tileSet, url: l.url(t.z, t.x, t.y) });
      }
      const have = await cachedBasemapIds(wanted.map((w) => w.id));
      const todo = wanted.filter((w) => !have.has(w.id));
      const got: NewBasemapTile[] = [];
      let offline = 0;
      let batchFailed = 0;
      for (let k = 0; k < todo.length; k += PARALLEL) {
        const results = await Promise.all(todo.slice(k, k + PARALLEL).map((w) => fetchOnlineTile(endpoint, w.url, allowed, ctx.signal)));
        results.forEach((r, j) => {
          const w = todo[k + j]!;
          if (r.status === 'ok') got.push({ id: w.id, tileSet: w.tileSet, bytes: r.bytes });
          else if (r.status === 'offline') offline++;
          else if (r.status !== 'notFound') batchFailed++;
        });
      }
      await putBasemapTiles(got);
      if (todo.length > 0 && offline === todo.length) {
        // Nothing answered: the batch is not counted done; after three such batches the run ends, resumable.
        if (++offlineBatches >= 3) return { end: 'offline', nextIndex, failed, bytes, fetched };
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      offlineBatches = 0;
      fetched += got.length;
      bytes += got.reduce((n, t) => n + t.bytes.byteLength, 0);
      failed += batchFailed + offline;
      nextIndex = end;
      ctx.progress({ nextIndex, failed, bytes, fetched });
    }
    return { end: 'done', nextIndex, failed, bytes, fetched };
  },
});
