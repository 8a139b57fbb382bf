/**
 * The evidence worker's protocol (renderer/platform/worker-protocol.ts): the layers inside a sheet's frame, read from
 * IndexedDB and projected to the plot's GK plane with their legend (what is drawn is what the legend lists); the
 * sealing of an evidence set (every file's SHA-256, the manifest); the zip.
 */
import type { SheetLayer } from '../../../shared/domain/evidence/inputs';
import type { LayerKind, LayerStyle } from '../../../shared/domain/layers/kind';
import type { GeometryKind } from '../../../shared/formats/types';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { ManifestSubject } from '../../../shared/domain/evidence/manifest';
import type { MultiPolygon, Polygon } from 'geojson';

export interface FrameLayerInput {
  id: string;
  name: string;
  kind: LayerKind;
  role: SheetLayer['role'];
  style: LayerStyle;
  geometryKind: GeometryKind;
  opacity: number;
  dataVersion: number;
  /** The field whose value labels a feature on the sheet (a land class's DLMC); null: none. */
  labelField: string | null;
}

export interface FrameLayersRequest {
  zone: GkZoneRef;
  zonePrefix: boolean;
  /** The frame's GK extent [minE, minN, maxE, maxN]. */
  extent: [number, number, number, number];
  layers: FrameLayerInput[];
  /** The legend's catch-all ("其他"). */
  otherLabel: string;
}

export interface EvidenceFile {
  /** Path inside the set ("照片原件/IMG_0001.jpg"). */
  path: string;
  bytes: Uint8Array;
  /** 类别 in the manifest: the PDF, the map picture, the coordinate file, a photo original. */
  category: 'pdf' | 'png' | 'baopan' | 'photo';
}

export interface SealMeta {
  recordNumber: string;
  recordId: string;
  /** The record's history-chain head hash (its last entry's), or null for the map view. */
  historyHead: string | null;
  appVersion: string;
  /** Epoch ms of the export. */
  exportedAt: number;
  /** A patch set of the layer batch (no record: historyHead null). */
  subject?: ManifestSubject;
}

export interface SealedFile {
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface SealResult {
  /** The files as given, then 清单.txt and 清单.json. */
  files: SealedFile[];
  manifestJson: string;
}

export interface ZipRequest {
  entries: { path: string; bytes: Uint8Array }[];
}

/** A patch of a 卫片图斑 layer as the layer batch reads it: its geometry (lon/lat), zone and its attributes' text. */
export interface PatchFeatureRead {
  fid: number;
  geometry: Polygon | MultiPolygon | null;
  /** The feature's stored GK zone (its area), null: not known. */
  zone: GkZoneRef | null;
  /** The attributes as text (JCBH, XZQMC … : what the batch names and places the patch by). */
  properties: Record<string, string>;
}

export interface PatchesResult {
  layerName: string;
  patches: PatchFeatureRead[];
}

export type EvidenceProgress = { step: 'reading'; layer: string } | { step: 'hashing' } | { step: 'zipping' };

export type EvidenceProtocol = {
  /** Fails `layerNotFound`, `attributesUnreadable`. */
  frameLayers: { request: FrameLayersRequest; result: SheetLayer[]; progress: EvidenceProgress };
  seal: { request: { files: EvidenceFile[]; meta: SealMeta }; result: SealResult; progress: EvidenceProgress };
  zip: { request: ZipRequest; result: Uint8Array; progress: EvidenceProgress };
  /** The patches of a stored layer (the layer batch's source). Fails `layerNotFound`, `attributesUnreadable`. */
  patches: { request: { layerId: string; layerName: string }; result: PatchesResult; progress: EvidenceProgress };
};
