/**
 * A parsed layer as the records we store, and back as the summary the UI is told: shared by the import worker
 * (features/import) and the layer-jobs worker (features/layers: the sample, re-decode, restyle), which both
 * build a layer's records and write them. Workers only: it builds the display and attribute Blobs.
 */
import type { CrsInfo } from '../../shared/domain/crs/types';
import type { EncodingInfo, InputFile, Issue, ParsedLayer } from '../../shared/formats/types';
import { addLayers, type LayerDataRecord, type LayerRecord, type NewLayer } from '../db';
import { buildLayerData, buildLayerRecord, newLayerId, type BuiltLayerData } from './build-layer';

/** What the UI is told of a layer a job stored (the import's result dialog, a re-decode). */
export interface StoredLayerSummary {
  id: string;
  name: string;
  source: string;
  featureCount: number;
  encoding: EncodingInfo;
  crs: CrsInfo;
  issues: Issue[];
}

export const jsonBlob = (text: string): Blob => new Blob([text], { type: 'application/json' });

/** The stored data record of a layer: its display copy as built, and its attribute store. */
export const layerDataOf = (layerId: string, display: Omit<BuiltLayerData, 'attributesText'>, attributes: Blob): LayerDataRecord => ({
  layerId,
  geojson: jsonBlob(display.geojsonText),
  attributes,
  labels: display.labelsText ? jsonBlob(display.labelsText) : null,
});

/** A new layer's records: metadata with its guessed kind and default style, its data, and its own source files
 *  (kept for re-decoding; none for the sample). */
export function newLayerOf(layer: ParsedLayer, o: { sample: boolean; sourceFiles: readonly InputFile[] }): NewLayer {
  const record = buildLayerRecord(layer, { id: newLayerId(), sample: o.sample, now: Date.now() });
  const built = buildLayerData(layer, record.style);
  return {
    record,
    data: layerDataOf(record.id, built, jsonBlob(built.attributesText)),
    sourceFiles: o.sourceFiles.length > 0 ? { layerId: record.id, files: o.sourceFiles.map((f) => ({ path: f.path, bytes: f.bytes })) } : null,
  };
}

/**
 * Builds and stores new layers in ONE transaction (addLayers): a job cancelled or failed before it has stored
 * nothing. `onLayer(i, total)` is called before each layer is built (the import's 正在保存 progress).
 */
export async function storeNewLayers(
  layers: readonly ParsedLayer[],
  o: { sample: boolean; sourceFilesOf: (l: ParsedLayer) => readonly InputFile[]; onLayer?: (done: number, total: number) => void },
): Promise<NewLayer[]> {
  const built: NewLayer[] = [];
  layers.forEach((l, i) => {
    o.onLayer?.(i, layers.length);
    built.push(newLayerOf(l, { sample: o.sample, sourceFiles: o.sourceFilesOf(l) }));
  });
  await addLayers(built);
  return built;
}

export const layerSummaryOf = (record: LayerRecord, source: string): StoredLayerSummary => ({
  id: record.id,
  name: record.name,
  source,
  featureCount: record.meta.featureCount,
  encoding: record.meta.encoding,
  crs: record.meta.crs,
  issues: record.meta.issues,
});
