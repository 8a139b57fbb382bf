/** Pure glue the shell uses to compose the features' map layers. */
import type { MapLayerSpec } from '../map';

/**
 * The features' layer lists stacked bottom → top in registration order; null while any feature has not said
 * what it draws (the map is created with all of them in its first style).
 */
export function stackMapLayers(parts: readonly (readonly MapLayerSpec[] | null)[]): readonly MapLayerSpec[] | null {
  if (parts.some((p) => p === null)) return null;
  return parts.flatMap((p) => p ?? []);
}

/** Default view before any data: mainland China. */
export const CHINA_VIEW = { center: [105, 35] as [number, number], zoom: 3.3, bearing: 0 };
