/**
 * The imagery a print sheet can draw under its vectors (issue 13, the evidence map): the visible, readable imagery
 * layers, top first, as sources for renderImagery (features/geotiff). A package or a tile folder is its `lpimg`
 * scheme (the same tiles the map draws); a GeoTIFF is rendered by the geotiff worker from its open image. Online
 * basemaps are not offered (their tiles would be fetched for the sheet).
 */
import type { ImagerySource } from '../geotiff';
import { IMAGERY_SCHEME } from './imagery-client';
import { imageryStore } from './imagery-store';

export interface PrintImagery {
  id: string;
  name: string;
  source: ImagerySource;
}

/** Visible, ready tile layers, the top one first (higher `order` draws above). */
export function printImageryLayers(): PrintImagery[] {
  const { layers, status } = imageryStore.get();

  return layers
    .filter((l) => l.visible && l.opacity > 0 && status[l.id]?.state === 'ready' && l.source.kind !== 'online')
    .sort((a, b) => b.order - a.order)
    .map((l) => ({
      id: l.id,
      name: l.name,
      source:
        l.source.kind === 'geotiff'
          ? { kind: 'geotiff', layerId: l.id }
          : {
              kind: 'tiles',
              scheme: IMAGERY_SCHEME,
              key: l.id,
              name: l.name,
              date: l.info.metadata.date ?? l.info.metadata.acquired ?? null,
              minzoom: l.info.minzoom,
              maxzoom: l.info.maxzoom,
              tileSize: l.info.tileSize,
              ...(l.info.bounds ? { boundsLngLat: l.info.bounds } : {}),
            },
    }));
}
