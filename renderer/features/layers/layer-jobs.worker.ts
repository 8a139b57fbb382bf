/// <reference lib="webworker" />
/**
 * The layer jobs, off the UI thread: building the sample township, previewing and re-decoding a layer's stored
 * original files with another encoding, rebuilding a layer's display copy for a new style. One worker per job
 * (layer-jobs-client.ts); each job writes in one transaction at its end, so a failed job leaves the DB untouched.
 */
import { groupBundles } from '../../../shared/formats/bundle';
import { decodedTextPreview } from '../../../shared/formats/encoding/preview';
import { importFiles } from '../../../shared/formats/import';
import { makeSampleTownship } from '../../../shared/sample/township';
import { getLayerRecord, getSourceFiles, replaceLayerData } from '../../db';
import { buildDisplayData, buildLayerData } from '../../data/build-layer';
import { jsonBlob, layerDataOf, storeNewLayers } from '../../data/layer-records';
import { readStoredLayer } from '../../data/stored-features';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import type { LayerJobsProtocol } from './layer-jobs.protocol';

/** The layer's record and, of its stored original files, the bundle it was imported from (a stored zip may
 *  hold many layers: the preview reads this one's .dbf alone, a re-decode re-imports this one bundle). */
async function sourceOf(layerId: string) {
  const [record, src] = await Promise.all([getLayerRecord(layerId), getSourceFiles(layerId)]);
  if (!record || !src || src.files.length === 0) throw new CodedError('noSourceFiles');
  const { bundles } = groupBundles(src.files);
  const bundle = bundles.find((b) => b.source === record.meta.source) ?? (bundles.length === 1 ? bundles[0] : undefined);
  return { record, files: src.files, bundle };
}

serveWorker<LayerJobsProtocol>({
  sample: async () => {
    const built = await storeNewLayers(makeSampleTownship(), { sample: true, sourceFilesOf: () => [] });
    return { layerIds: built.map((b) => b.record.id) };
  },

  preview: async ({ layerId, encoding }) => {
    const { bundle } = await sourceOf(layerId);
    return bundle?.dbf ? decodedTextPreview(bundle.dbf, encoding) : null;
  },

  redecode: async ({ layerId, encoding }) => {
    const { record, files, bundle } = await sourceOf(layerId);
    const parts = bundle ? [bundle.shp, bundle.shx, bundle.dbf, bundle.prj, bundle.cpg].filter((f) => f !== undefined) : files;
    const result = await importFiles(parts, { encodingOverride: { [record.meta.source]: encoding } });
    const layer = result.layers.find((l) => l.source === record.meta.source) ?? (result.layers.length === 1 ? result.layers[0] : undefined);
    if (!layer) return { layer: null };
    const built = buildLayerData(layer, record.style);
    await replaceLayerData(
      record.id,
      { meta: { ...record.meta, encoding: layer.encoding, fields: layer.fields, featureCount: layer.features.length, issues: layer.issues } },
      layerDataOf(record.id, built, jsonBlob(built.attributesText)),
    );
    return {
      layer: {
        id: record.id,
        name: record.name,
        source: layer.source,
        featureCount: layer.features.length,
        encoding: layer.encoding,
        crs: layer.crs,
        issues: layer.issues,
      },
    };
  },

  // Attributes stay; the display copy is rebuilt from the stored geometry.
  restyle: async ({ layerId, style, kind }) => {
    const [record, stored] = await Promise.all([getLayerRecord(layerId), readStoredLayer(layerId)]);
    if (!record || !stored) throw new CodedError('layerNotFound');
    const built = buildDisplayData(stored.features, style);
    await replaceLayerData(record.id, { style, kind }, layerDataOf(record.id, built, stored.attributesBlob));
    return null;
  },
});
