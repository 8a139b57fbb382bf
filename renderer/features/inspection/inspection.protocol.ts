/** The inspection worker's protocol: a stored layer's feature read back (a patch to start from), and the boundary
 *  feature a point lies in (a boundary layer's name when the grid does not know the place). */
import type { Geometry } from 'geojson';
import type { GkZoneRef } from '../../../shared/domain/units/area';

export interface StoredFeature {
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** The zone of its stored area figures (the layer's zone), when it has them. */
  zone: GkZoneRef | null;
}

export interface BoundaryHit {
  layerId: string;
  name: string;
}

export type InspectionProtocol = {
  /** Null when the layer or the feature is gone. Fails `attributesUnreadable`. */
  feature: { request: { layerId: string; fid: number }; result: StoredFeature | null };
  /** The first of the layers (in the order given) with a polygon holding the point and a name. */
  boundaryAt: { request: { layerIds: string[]; lngLat: [number, number] }; result: BoundaryHit | null };
};
