/// <reference lib="webworker" />
/**
 * Generation in a worker: the cells are cut from the parent by GEOS (generate.ts), which runs off the UI thread as
 * the overlay's does. Promotion too: the stored layer's two Blobs (lon/lat GeoJSON and the attribute store) are parsed here,
 * off the UI thread, as the overlay does; the areas come back ready to store (promote.ts). The layer's data zone
 * (its features' area figures' zone) is kept so an area's figures equal identify's for the feature.
 */
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { newGridAreaId } from '../../../shared/domain/grid/area-record';
import { generateCells, generatedAreas } from '../../../shared/domain/grid/generate';
import { promoteFeatures } from '../../../shared/domain/grid/promote';
import { fillGap, gapNeighbours, placementOf, removeOverlap } from '../../../shared/domain/grid/grid-edits';
import { checkTopology } from '../../../shared/domain/grid/topology';
import { readStoredLayer } from '../../data/stored-features';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import type { GridProtocol } from './grid.protocol';

const engine = () =>
  loadGeometryEngine().catch((err: unknown) => {
    throw CodedError.of('engineUnavailable', err);
  });

/** A refused edit as the worker client sees it: invalidRequest, the named reason in `params.reason`. */
function valueOf<T>(r: { ok: true; value: T } | { ok: false; reason: string; detail?: string }): T {
  if (!r.ok) throw new CodedError('invalidRequest', { detail: `${r.reason} ${r.detail ?? ''}`, params: { reason: r.reason } });
  return r.value;
}

serveWorker<GridProtocol>({
  place: async (req) => valueOf(placementOf(await engine(), req.geometry, { parent: req.parent, siblings: req.siblings, zone: req.zone })),
  topology: async (req) => {
    const e = await engine();
    const result = valueOf(checkTopology(e, req.parent, req.children));
    const gapNeighbourIds = result.gaps.map((g) => valueOf(gapNeighbours(e, g.geometry, req.children, result.zone)).map((n) => n.id));
    return { result, gapNeighbours: gapNeighbourIds };
  },
  fillGap: async (req) => valueOf(fillGap(await engine(), req.parent, req.children, req.targetId, req.gapPoint, req.zone)),
  removeOverlap: async (req) => valueOf(removeOverlap(await engine(), req.from, req.other, req.zone)),
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
  generate: async (req) => {
    const engine = await loadGeometryEngine().catch((err: unknown) => {
      throw CodedError.of('engineUnavailable', err);
    });
    const grid = generateCells(
      engine,
      { name: req.parent.name, geometry: req.parent.geometry, zone: req.parent.zone },
      { layout: req.layout, takenNames: req.takenNames },
    );
    if (!grid.ok) throw new CodedError('invalidRequest', { detail: `${grid.reason} ${grid.detail ?? ''}`, params: { reason: grid.reason } });
    const areas = generatedAreas(req.parent, grid.value, { newId: () => newGridAreaId(Date.now()), edit: { at: req.at, by: req.by } });
    if (!areas.ok) throw new CodedError('invalidRequest', { detail: `${areas.reason} ${areas.detail ?? ''}`, params: { reason: areas.reason } });
    return {
      areas: areas.value,
      parentPlanarM2: grid.value.parentArea.planarM2,
      cellsPlanarM2: grid.value.cellsPlanarM2,
      droppedPlanarM2: grid.value.droppedPlanarM2,
      slivers: grid.value.slivers.length,
    };
  },
});
