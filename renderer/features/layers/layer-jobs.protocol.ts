/**
 * The layer-jobs worker's protocol (renderer/platform/worker-protocol.ts): work on stored layers that reads or
 * rewrites their data — the first start's sample township, an encoding preview, a re-decode, a restyle.
 */
import type { LayerKind, LayerStyle } from '../../../shared/domain/layers/kind';
import type { StoredLayerSummary } from '../../data/layer-records';

/** A few decoded rows of a layer's text fields. */
export interface EncodingPreview {
  fields: string[];
  rows: string[][];
}

export type LayerJobsProtocol = {
  /** Stores the synthetic sample township; answers the new layers' ids. */
  sample: { request: null; result: { layerIds: string[] } };
  /** The layer's stored .dbf decoded with `encoding` (null: it has none); rejects `noSourceFiles`. */
  preview: { request: { layerId: string; encoding: string }; result: EncodingPreview | null };
  /** Re-imports the layer's stored original files with `encoding`; `layer` null when they held no such layer. */
  redecode: { request: { layerId: string; encoding: string }; result: { layer: StoredLayerSummary | null } };
  /** New style → new per-feature style keys in the display copy; rejects `layerNotFound`. */
  restyle: { request: { layerId: string; style: LayerStyle; kind: LayerKind }; result: null };
};
