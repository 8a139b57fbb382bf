import { useEffect, useState } from 'react';
import { nameFieldFor, type PresentValues } from '../../../shared/domain/layers/legend';
import { dataKeyOf, type LayerRecord } from '../../db';
import { distinctValuesOf, isStale } from '../attributes';

/** Read once per layer version and field (a layer's values change only when its data is rewritten). */
const cache = new Map<string, Promise<PresentValues | null>>();

function presentValuesOf(layer: LayerRecord, field: string): Promise<PresentValues | null> {
  const key = `${dataKeyOf(layer.id, layer.dataVersion)}|${field}`;
  let p = cache.get(key);
  if (!p) {
    const nameField = nameFieldFor(
      field,
      layer.meta.fields.map((f) => f.name),
    );
    p = distinctValuesOf({ layerId: layer.id, dataVersion: layer.dataVersion }, field, nameField).then(
      (values) => (values ? new Map(values.map(([v, count, name]) => [v, name ? { count, name } : { count }])) : null),
      (e: unknown) => {
        // A stale version is replaced by the layer list in a moment; any other failure leaves the style's legend.
        cache.delete(key);
        if (!isStale(e)) console.warn('landpatrol: legend values unavailable for', layer.name, e);
        return null;
      },
    );
    cache.set(key, p);
  }
  return p;
}

/**
 * The values each visible categorical layer holds in its style's field (the legend then lists only those); layers
 * whose values are not read yet, or cannot be, are absent and get the style's full list.
 */
export function usePresentValues(layers: readonly LayerRecord[]): ReadonlyMap<string, PresentValues> {
  const [present, setPresent] = useState<ReadonlyMap<string, PresentValues>>(new Map());
  useEffect(() => {
    let live = true;
    const wanted = layers.filter((l) => l.visible && l.style.fill?.type === 'categorical');
    void Promise.all(wanted.map(async (l) => [l.id, await presentValuesOf(l, (l.style.fill as { field: string }).field)] as const)).then((pairs) => {
      if (!live) return;
      setPresent(new Map(pairs.filter((p): p is readonly [string, PresentValues] => p[1] !== null)));
    });
    return () => {
      live = false;
    };
  }, [layers]);
  return present;
}
