/** The tile worker's protocol (renderer/platform/worker-protocol.ts): one request → one answer per message type. */
import type { Bbox } from '../../shared/domain/geometry/bbox';

export type TileProtocol = {
  /** One vector tile's bytes (transferred; empty where the layer has nothing, or was unloaded meanwhile). */
  tile: { request: { key: string; layer: string; z: number; x: number; y: number }; result: ArrayBuffer };
  /** Notifications: a layer's stored GeoJSON Blob to tile, or to forget. */
  load: { request: { key: string; blob: Blob }; result: null };
  unload: { request: { key: string }; result: null };
  /**
   * The polylines of a layer's features touching `bbox` (lon/lat), full precision, for snapping (tools/snap-parts.logic):
   * buffers transferred; `truncated` (and nothing sent) when they hold more than `maxPoints` points.
   */
  snapParts: { request: { key: string; bbox: Bbox; maxPoints: number }; result: { xy: Float64Array; starts: Uint32Array; truncated: boolean } };
};
