/**
 * The visible snap marker: a ring on the vertex (or a dot on the edge point) the pointer snapped to, drawn by maplibre
 * above terra-draw's layers. A GeoJSON source of one point; `map.setStyle` drops it, so `ensure()` puts it back.
 */
import type * as maplibregl from 'maplibre-gl';
import type { SnapHit } from './snap.logic';

const SOURCE = 'lp-snap';
const LAYER = 'lp-snap-marker';
/** Magenta: no layer style uses it, and it reads on farmland yellow, water blue and the tool's orange alike. */
const SNAP_COLOR = '#d6336c';

const dataOf = (hit: SnapHit | null): GeoJSON.FeatureCollection => ({
  type: 'FeatureCollection',
  features: hit
    ? [{ type: 'Feature', properties: { kind: hit.kind }, geometry: { type: 'Point', coordinates: [hit.lngLat[0], hit.lngLat[1]] } }]
    : [],
});

export class SnapMarker {
  private hit: SnapHit | null = null;

  constructor(private readonly map: maplibregl.Map) {}

  /** Adds the marker's source and layer if the style lacks them (first use, or after a style change). */
  ensure(): void {
    if (!this.map.isStyleLoaded() && !this.map.getStyle()) return;
    if (!this.map.getSource(SOURCE)) this.map.addSource(SOURCE, { type: 'geojson', data: dataOf(this.hit) });
    if (!this.map.getLayer(LAYER)) {
      this.map.addLayer({
        id: LAYER,
        type: 'circle',
        source: SOURCE,
        paint: {
          // A vertex: a hollow ring around it; an edge point: a smaller solid dot.
          'circle-radius': ['match', ['get', 'kind'], 'vertex', 8, 5],
          'circle-color': ['match', ['get', 'kind'], 'vertex', '#ffffff', SNAP_COLOR],
          'circle-opacity': ['match', ['get', 'kind'], 'vertex', 0.35, 1],
          'circle-stroke-color': ['match', ['get', 'kind'], 'vertex', SNAP_COLOR, '#ffffff'],
          'circle-stroke-width': ['match', ['get', 'kind'], 'vertex', 3, 2],
        },
      });
    }
    this.raise();
  }

  raise(): void {
    if (this.map.getLayer(LAYER)) this.map.moveLayer(LAYER);
  }

  show(hit: SnapHit | null): void {
    const same =
      hit === this.hit ||
      (hit && this.hit && hit.kind === this.hit.kind && hit.lngLat[0] === this.hit.lngLat[0] && hit.lngLat[1] === this.hit.lngLat[1]);
    this.hit = hit;
    if (same) return;
    this.ensure();
    (this.map.getSource(SOURCE) as maplibregl.GeoJSONSource | undefined)?.setData(dataOf(hit));
  }

  remove(): void {
    this.hit = null;
    if (this.map.getLayer(LAYER)) this.map.removeLayer(LAYER);
    if (this.map.getSource(SOURCE)) this.map.removeSource(SOURCE);
  }
}
