/// <reference lib="webworker" />
/**
 * Split and merge for editing sessions, in a worker (README Decision 6): the geometry engine (GEOS, 2.5 MB of
 * WebAssembly) loads here, in the same chunk the import and overlay workers load, never on the UI thread.
 */
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { mergePolygons, splitPolygonByLine } from '../../../shared/domain/geometry/split-merge';
import { serveWorker } from '../../platform/worker-host';
import type { EditOpsProtocol } from './edit-ops.protocol';

serveWorker<EditOpsProtocol>({
  split: async ({ polygon, line, zone }) => splitPolygonByLine(await loadGeometryEngine(), polygon, line, zone),
  merge: async ({ a, b, zone }) => mergePolygons(await loadGeometryEngine(), a, b, zone),
});
