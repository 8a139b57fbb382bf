/// <reference lib="webworker" />
/**
 * Off the UI thread: the corridor and site buffers (GEOS, in the zone's GK plane: shared/domain/patrol/corridor.ts) and
 * a stored layer's features read back as points to visit (both of its Blobs parsed here, as the overlay does).
 */
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { corridorPolygon, sitePolygon } from '../../../shared/domain/patrol/corridor';
import { readStoredLayer } from '../../data/stored-features';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import { layerPointsOf } from './tasks.logic';
import type { TasksProtocol } from './tasks.protocol';

const engine = () =>
  loadGeometryEngine().catch((err: unknown) => {
    throw CodedError.of('engineUnavailable', err);
  });

serveWorker<TasksProtocol>({
  corridor: async (req) => corridorPolygon(await engine(), req.line, req.widthMetres, req.zone),
  site: async (req) => sitePolygon(await engine(), req.centre, req.radiusMetres, req.zone),
  layerPoints: async (req) => {
    const stored = await readStoredLayer(req.layerId);
    if (!stored) throw new CodedError('layerNotFound', { detail: `layer ${req.layerId} has no data` });
    return layerPointsOf(stored.features);
  },
});
