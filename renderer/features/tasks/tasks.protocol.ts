/** The tasks worker's protocol (renderer/platform/worker-protocol.ts): buffers on GEOS, and a patch layer's features as points. */
import type { LineString } from 'geojson';
import type { BufferedArea, BufferRefusal } from '../../../shared/domain/patrol/corridor';
import type { GkZoneRef } from '../../../shared/domain/units/area';

export interface CorridorRequest {
  line: LineString;
  widthMetres: number;
  zone: GkZoneRef;
}

export interface SiteRequest {
  centre: [number, number];
  radiusMetres: number;
  zone: GkZoneRef;
}

/** One feature of a stored layer as a point to visit: its fid, a label (JCBH / TBBH / the first text field), where. */
export interface LayerPoint {
  fid: number;
  label: string;
  lngLat: [number, number];
}

export type TasksProtocol = {
  /** Fails `engineUnavailable` when GEOS cannot load. */
  corridor: { request: CorridorRequest; result: BufferedArea | BufferRefusal };
  site: { request: SiteRequest; result: BufferedArea | BufferRefusal };
  /** Fails `layerNotFound` (removed meanwhile) or `attributesUnreadable`. */
  layerPoints: { request: { layerId: string }; result: LayerPoint[] };
};
