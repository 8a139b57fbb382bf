/// <reference lib="webworker" />
/**
 * Promotion in a worker: the stored layer's two Blobs (lon/lat GeoJSON and the attribute store) are parsed here,
 * off the UI thread, as the overlay does; the areas come back ready to store (promote.ts). The layer's data zone
 * (its features' area figures' zone) is kept so an area's figures equal identify's for the feature.
 */
import { newGridAreaId } from '../../../shared/domain/grid/area-record';
import { promoteFeatures } from '../../../shared/domain/grid/promote';
import { readStoredLayer } from '../../data/stored-features';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import type { GridProtocol } from './grid.protocol';

serveWorker<GridProtocol>({
  promote: async (req) => {
    const stored = await readStoredLayer(req.layerId);
    if (!stored) throw new CodedError('layerNotFound', { detail: `layer ${req.layerId} has no data` });
    const zone = stored.features.find((f) => f.area)?.area?.zone ?? null;
    const r = promoteFeatures(stored.features, {
      parent: req.parent,
      nameField: req.nameField,
      codeField: req.codeField,
      zone,
      takenNames: req.takenNames,
      newId: () => newGridAreaId(Date.now()),
      edit: { at: req.at, by: req.by },
    });
    if (!r.ok) throw new CodedError('invalidRequest', { detail: `${r.reason} ${r.detail ?? ''}` });
    return r.value;
  },
});
