/** The geotiff worker's protocol (renderer/platform/worker-protocol.ts): one request → one answer per message type. */
import type { GeoTiffSidecars } from '../../../shared/formats/geotiff/georef';
import type { GeoTiffInfo, OpenRefusal } from './geotiff-image';
import type { GkExtent } from './print-extent';

export type OpenResult = { ok: true; info: GeoTiffInfo } | { ok: false; reason: OpenRefusal; detail?: string };

/** A print render: PNG bytes (transferred) of `widthPx × heightPx`, and how many pixels the source covered. */
export interface RenderResult {
  png: ArrayBuffer;
  widthPx: number;
  heightPx: number;
  coveredPx: number;
}

export interface SourceTile {
  x: number;
  y: number;
  /** Encoded bytes (PNG/JPEG/WebP) as the tile source gave them. */
  data: ArrayBuffer;
}

export type GeotiffProtocol = {
  /** Opens a GeoTIFF by ranges (the File stays a Blob; only its header, directories and needed tiles are read). */
  open: { request: { id: string; file: Blob; name: string; lastModified: number | null; sidecars: GeoTiffSidecars }; result: OpenResult };
  /** One web-mercator map tile as PNG bytes (transferred), null where the image is not. */
  tile: { request: { id: string; z: number; x: number; y: number; size: number }; result: ArrayBuffer | null };
  /** The image warped into a GK extent at print resolution. */
  render: { request: { id: string; extent: GkExtent; widthPx: number; heightPx: number }; result: RenderResult };
  /** Tiles of any source (fetched on the UI side through the tile protocol registry) warped into a GK extent. */
  renderTiles: {
    request: { extent: GkExtent; widthPx: number; heightPx: number; z: number; tileSize: number; tiles: SourceTile[] };
    result: RenderResult;
  };
  /** Bytes read from the image's file so far (the bench prints them). */
  stats: { request: { id: string }; result: { bytesRead: number; reads: number; sizeBytes: number } };
  close: { request: { id: string }; result: null };
};
