/** Lazy, cached access to a layer's attribute store (parsed once per data version). */
import { dataKeyOf, getLayerData } from '../../db';
import { AttributeStore, restoreAttributeStore } from './attribute-store';

const cache = new Map<string, Promise<AttributeStore | null>>();

/** Parsed once per layer data version; a bad Blob gives null (shown as "not found"), never a crash. */
export function loadAttributes(layerId: string, dataVersion: number): Promise<AttributeStore | null> {
  const key = dataKeyOf(layerId, dataVersion);
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const data = await getLayerData(layerId);
      if (!data) return null;
      try {
        return restoreAttributeStore(JSON.parse(await data.attributes.text()));
      } catch {
        return null;
      }
    })();
    forgetAttributes(layerId);
    cache.set(key, p);
  }
  return p;
}

export function forgetAttributes(layerId: string): void {
  for (const k of [...cache.keys()]) if (k.startsWith(`${layerId}@`)) cache.delete(k);
}
