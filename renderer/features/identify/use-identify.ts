import { useEffect, useState } from 'react';
import type { AreaFigures } from '../../../shared/domain/units/area';
import type { AttributeValue } from '../../../shared/formats/types';
import { dataKeyOf, type LayerRecord } from '../../db';
import { featureAttributesOf, isStale } from '../attributes';
import type { FeatureAttributes } from '../attributes';

export interface IdentifyTarget {
  layerId: string;
  fid: number;
}

export type IdentifyResult =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'missing'; layer: LayerRecord | null; fid: number }
  | { status: 'ok'; layer: LayerRecord; fid: number; fields: string[]; values: AttributeValue[]; area: AreaFigures | null };

/** The clicked feature's attributes and areas, from the layer's attribute store in the attributes worker. */
export function useIdentify(target: IdentifyTarget | null, layers: LayerRecord[]): IdentifyResult {
  const layer = target ? (layers.find((l) => l.id === target.layerId) ?? null) : null;
  const hasLayer = !!layer;
  const version = layer?.dataVersion ?? 0;
  // Only the fetched attributes are kept: renaming the layer or moving its opacity slider asks nothing again.
  const [loaded, setLoaded] = useState<{ key: string; found: FeatureAttributes | null } | null>(null);
  const key = target ? `${dataKeyOf(target.layerId, version)}#${target.fid}` : '';

  useEffect(() => {
    if (!target || !hasLayer) return;
    let live = true;
    featureAttributesOf({ layerId: target.layerId, dataVersion: version }, target.fid).then(
      (found) => live && setLoaded({ key, found }),
      // Stale: the layer was re-written after the list was read; the list brings the new version (a new key).
      (e: unknown) => live && !isStale(e) && setLoaded({ key, found: null }),
    );
    return () => {
      live = false;
    };
  }, [key, target, hasLayer, version]);

  if (!target) return { status: 'none' };
  if (!layer) return { status: 'missing', layer: null, fid: target.fid };
  if (loaded?.key !== key) return { status: 'loading' };
  return loaded.found ? { status: 'ok', layer, fid: target.fid, ...loaded.found } : { status: 'missing', layer, fid: target.fid };
}
