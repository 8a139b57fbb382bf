import { useEffect, useState } from 'react';
import type { AreaFigures } from '../../../shared/domain/units/area';
import type { AttributeValue } from '../../../shared/formats/types';
import { dataKeyOf, type LayerRecord } from '../../db';
import { featureAttributesOf } from '../attributes';

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
  const layer = target ? layers.find((l) => l.id === target.layerId) ?? null : null;
  const version = layer?.dataVersion ?? 0;
  const [loaded, setLoaded] = useState<{ key: string; result: IdentifyResult } | null>(null);
  const key = target ? `${dataKeyOf(target.layerId, version)}#${target.fid}` : '';

  useEffect(() => {
    if (!target || !layer) return;
    let live = true;
    featureAttributesOf({ layerId: target.layerId, dataVersion: version }, target.fid).then(
      (f) => {
        if (!live) return;
        const result: IdentifyResult = f ? { status: 'ok', layer, fid: target.fid, ...f } : { status: 'missing', layer, fid: target.fid };
        setLoaded({ key, result });
      },
      () => live && setLoaded({ key, result: { status: 'missing', layer, fid: target.fid } }),
    );
    return () => {
      live = false;
    };
  }, [key, target, layer, version]);

  if (!target) return { status: 'none' };
  if (!layer) return { status: 'missing', layer: null, fid: target.fid };
  return loaded?.key === key ? loaded.result : { status: 'loading' };
}
