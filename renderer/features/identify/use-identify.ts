import { useEffect, useState } from 'react';
import type { AreaFigures } from '../../../shared/domain/units/area';
import type { AttributeValue } from '../../../shared/formats/types';
import { dataKeyOf, type LayerRecord } from '../../db';
import { loadAttributes } from '../layers';

export interface IdentifyTarget {
  layerId: string;
  fid: number;
}

export type IdentifyResult =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'missing'; layer: LayerRecord | null; fid: number }
  | { status: 'ok'; layer: LayerRecord; fid: number; fields: string[]; values: AttributeValue[]; area: AreaFigures | null };

/** Loads the clicked feature's attributes and areas from the layer's attribute store (lazily, cached per layer). */
export function useIdentify(target: IdentifyTarget | null, layers: LayerRecord[]): IdentifyResult {
  const layer = target ? layers.find((l) => l.id === target.layerId) ?? null : null;
  const version = layer?.dataVersion ?? 0;
  const [loaded, setLoaded] = useState<{ key: string; result: IdentifyResult } | null>(null);
  const key = target ? `${dataKeyOf(target.layerId, version)}#${target.fid}` : '';

  useEffect(() => {
    if (!target || !layer) return;
    let live = true;
    loadAttributes(target.layerId, version).then(
      (store) => {
        if (!live) return;
        const i = store?.rowIndexOf(target.fid);
        const result: IdentifyResult =
          !store || i === undefined
            ? { status: 'missing', layer, fid: target.fid }
            : { status: 'ok', layer, fid: target.fid, fields: store.fields, values: store.row(i), area: store.area(i) };
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
