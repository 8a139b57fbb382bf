/**
 * One overlay layer prepared for many plots (overlay.ts): a Flatbush index on the features' lon/lat boxes,
 * built once, and each candidate projected into a plot's GK zone and built in GEOS on first use — repaired when
 * invalid — then cached per zone. A feature GEOS cannot build is remembered, not retried for every plot.
 */
import Flatbush from 'flatbush';
import type { GkZoneRef } from '../units/area';
import { polygonsOf } from './area';
import { polygonsBbox, type Bbox } from './bbox';
import { EngineError, type GeometryEngine, type Polygons } from './engine/engine';
import type { Ptr } from './engine/geos-api';
import type { OverlayFeature, OverlayLayer } from './overlay';

export interface ZoneTools {
  key: string;
  zone: GkZoneRef;
  toGk: (lng: number, lat: number) => [number, number];
  toLngLat: (e: number, n: number) => [number, number];
}

export const zoneKey = (z: GkZoneRef): string => `${z.width}/${z.zone}/${z.centralMeridian}`;

export interface CachedFeature {
  /** GEOS geometry in the zone, valid (repaired if it was not); 0 when nothing with an area is left. */
  geom: Ptr;
  bbox: Bbox;
  vertices: number;
  repaired: boolean;
}

/** A layer prepared for overlay: its lon/lat index, and its features built in GEOS per zone, on demand. */
export class LayerIndex {
  readonly index: Flatbush | null;
  private readonly cache = new Map<string, (CachedFeature | undefined)[]>();
  private readonly failures = new Map<string, string>();

  constructor(
    readonly layer: OverlayLayer,
    private readonly engine: GeometryEngine,
  ) {
    const n = layer.features.length;
    if (n === 0) {
      this.index = null;
      return;
    }
    this.index = new Flatbush(n);
    for (const f of layer.features) {
      const [a, b, c, d] = polygonsBbox(polygonsOf(f.geometryLngLat));
      this.index.add(a, b, c, d);
    }
    this.index.finish();
  }

  fidOf(i: number): number {
    return this.layer.features[i]?.fid ?? i;
  }

  /** The feature in the zone's GEOS form (cached). Throws EngineError when GEOS cannot build or repair it. */
  inZone(i: number, tools: ZoneTools): CachedFeature {
    const failed = this.failures.get(`${tools.key}#${i}`);
    if (failed !== undefined) throw new EngineError('feature', failed);
    try {
      return this.build(i, tools);
    } catch (err) {
      if (err instanceof EngineError) this.failures.set(`${tools.key}#${i}`, err.geosMessage); // not tried again per plot
      throw err;
    }
  }

  private build(i: number, tools: ZoneTools): CachedFeature {
    let list = this.cache.get(tools.key);
    if (!list) {
      list = new Array<CachedFeature | undefined>(this.layer.features.length);
      this.cache.set(tools.key, list);
    }
    const hit = list[i];
    if (hit) return hit;
    const f = this.layer.features[i] as OverlayFeature;
    let vertices = 0;
    const gk: Polygons = polygonsOf(f.geometryLngLat).map((poly) =>
      poly.map((ring) => {
        vertices += ring.length;
        return ring.map((p) => tools.toGk(p[0] as number, p[1] as number));
      }),
    );
    const { geom, repaired } = this.engine.validated(this.engine.fromPolygons(gk));
    const entry: CachedFeature = {
      geom: this.engine.isEmpty(geom) ? (this.engine.destroy(geom), 0) : geom,
      bbox: polygonsBbox(gk),
      vertices,
      repaired,
    };
    list[i] = entry;
    return entry;
  }

  dispose(): void {
    for (const list of this.cache.values()) for (const e of list) if (e?.geom) this.engine.destroy(e.geom);
    this.cache.clear();
  }
}
