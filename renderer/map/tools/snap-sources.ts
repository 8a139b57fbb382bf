/**
 * The visible layers as snapping sees them: after every pan or zoom (and when the layers change) the polylines of
 * each visible stored layer in view are asked of the tile worker — the stored geometry itself, not the tiles, which
 * are quantised and simplified to a pixel (README Decision 8) — and those of each visible live GeoJSON layer are read
 * from its data; all go into one SnapIndex (a Flatbush of their segments). terra-draw cannot see maplibre's layers:
 * this is what its `toCustom` snapping consults.
 */
import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../../../shared/domain/geometry/bbox';
import { isTiledGeoJson, type MapLayerSpec } from '../layer-style';
import { snapPartsOf } from '../tile-client';
import { PartIndex, partsOfGeometries } from './snap-parts.logic';
import { SnapIndex, type SnapSourceParts } from './snap.logic';

/** Above this many vertices of one layer in view, that layer is not snapped to (zoom in): the index would cost more
 *  than a frame to build. 200,000 vertices ≈ a township's parcels at street scale. */
export const MAX_SNAP_POINTS = 200_000;

export class LayerSnapSources {
  private index: SnapIndex | null = null;
  private generation = 0;
  private readonly live = new WeakMap<FeatureCollection, PartIndex>();
  /** A visible layer had too many vertices in view. */
  incomplete = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly layers: () => readonly MapLayerSpec[],
    private readonly onUpdate: () => void,
  ) {
    map.on('moveend', this.refresh);
    void this.refresh();
  }

  current(): SnapIndex | null {
    return this.index;
  }

  /** Asks for what is in view now; a newer refresh supersedes an older one still under way. */
  readonly refresh = async (): Promise<void> => {
    const generation = ++this.generation;
    const b = this.map.getBounds();
    const bbox: Bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    let incomplete = false;
    const found = await Promise.all(
      this.layers()
        .filter((s) => s.visible)
        .map(async (s): Promise<SnapSourceParts | null> => {
          if (s.type === 'stored') {
            const parts = await snapPartsOf(s.dataKey, bbox, MAX_SNAP_POINTS).catch(() => null);
            if (!parts) incomplete = true;
            return parts ? { id: `layer:${s.id}`, parts } : null;
          }
          if (s.type === 'geojson') {
            const data = s.data;
            if (isTiledGeoJson(data)) {
              // Tiled live data is held by the tile worker, which answers for it as for a stored layer.
              const parts = await snapPartsOf(data.key, bbox, MAX_SNAP_POINTS).catch(() => null);
              if (!parts) incomplete = true;
              return parts ? { id: `layer:${s.id}`, parts } : null;
            }
            let index = this.live.get(data);
            if (!index) {
              index = new PartIndex(partsOfGeometries(data.features.map((f) => f.geometry)));
              this.live.set(data, index);
            }
            const r = index.query(bbox, MAX_SNAP_POINTS);
            if (r.truncated) incomplete = true;
            return r.truncated ? null : { id: `layer:${s.id}`, parts: r.parts };
          }
          return null;
        }),
    );
    if (generation !== this.generation) return;
    this.index = new SnapIndex(found.filter((f): f is SnapSourceParts => f !== null));
    this.incomplete = incomplete;
    this.onUpdate();
  };

  destroy(): void {
    this.generation++;
    this.map.off('moveend', this.refresh);
    this.index = null;
  }
}
