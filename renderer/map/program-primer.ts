/**
 * GL programs compiled before a live layer first needs them (README Decisions 72 and 89): one polygon and one point of
 * the layer's paint, every colour transparent, drawn for one frame once the map is still, then removed.
 */
import type * as maplibregl from 'maplibre-gl';
import { layerStyleParts, stackOrder, type ColorBy, type GeoJsonLayerSpec } from './layer-style';

/** How long the map must be still before work that costs a long frame runs (whenQuiet). */
const QUIET_MS = 1000;

export class ProgramPrimer {
  /** Set by destroy: a pending whenQuiet never runs on a removed map. */
  private removed = false;

  constructor(private readonly map: maplibregl.Map) {}

  /** The program sets already primed (prime), by the parts and colour kinds of the spec's paint. */
  private primed = new Set<string>();

  /**
   * Compiles the GL programs a live layer's parts will draw with before they are first needed: one polygon and one
   * point of that paint, every colour transparent, drawn at the view's centre for one frame and removed. A program
   * depends on which paint values are data-driven, not on the colours themselves, so the layer's first draw later
   * finds its programs compiled (SwiftShader links each in 30–450 ms on the UI thread: a long task at the first
   * filter the officer sets, otherwise). Asked for in idle time, drawn once the map is quiet (whenQuiet); a paint of
   * the same shape is primed once.
   */
  prime(spec: GeoJsonLayerSpec): void {
    const clear = 'rgba(0,0,0,0)';
    const hide = <T extends { color: string; colorBy?: ColorBy }>(part: T | undefined): T | undefined =>
      part && {
        ...part,
        color: clear,
        ...(part.colorBy
          ? { colorBy: { ...part.colorBy, colors: Object.fromEntries(Object.keys(part.colorBy.colors).map((k) => [k, clear])), fallback: clear } }
          : {}),
      };
    const paint = {
      ...spec.paint,
      fill: hide(spec.paint.fill),
      line: hide(spec.paint.line),
      circle: spec.paint.circle && { ...hide(spec.paint.circle)!, strokeColor: clear },
    };
    const shape = JSON.stringify(paint);
    if (this.primed.has(shape)) return;
    this.primed.add(shape);
    this.whenQuiet(() => this.drawPrimer(spec.id, paint));
  }

  /**
   * Runs `fn` once the map has been still for QUIET_MS (no camera move, every tile drawn): work that costs one long
   * frame (a program link: 150–600 ms on SwiftShader) then lands between the officer's pans, never inside one (it
   * did: a 615 ms frame in the bench's first pans, from the list layer's primer added in idle time mid-drag).
   */
  private whenQuiet(fn: () => void): void {
    let timer = 0;
    const restart = () => {
      window.clearTimeout(timer);
      this.map.once('idle', arm);
    };
    const arm = () => {
      this.map.once('movestart', restart);
      timer = window.setTimeout(() => {
        this.map.off('movestart', restart);
        if (this.removed) return;
        if (this.map.isMoving()) restart();
        else fn();
      }, QUIET_MS);
    };
    if (!this.map.isMoving() && this.map.loaded()) arm();
    else this.map.once('idle', arm);
  }

  private drawPrimer(layerId: string, paint: GeoJsonLayerSpec['paint']): void {
    const { lng, lat } = this.map.getCenter();
    // A tenth of the view across (never drawn visibly): a polygon under the tiles' simplification would be dropped
    // from its tile and compile nothing.
    const b = this.map.getBounds();
    const d = Math.max(1e-5, (b.getEast() - b.getWest()) / 10);
    const id = `${layerId}~prime`;
    const primer: GeoJsonLayerSpec = {
      type: 'geojson',
      id,
      visible: true,
      paint,
      data: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [lng, lat],
                  [lng + d, lat],
                  [lng + d, lat + d],
                  [lng, lat],
                ],
              ],
            },
          },
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lng, lat] } },
        ],
      },
    };
    const parts = layerStyleParts(primer);
    for (const [sid, source] of parts.sources) if (!this.map.getSource(sid)) this.map.addSource(sid, source);
    for (const layer of stackOrder([parts])) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
    const remove = () => {
      for (const layer of stackOrder([parts])) if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
      for (const [sid] of parts.sources) if (this.map.getSource(sid)) this.map.removeSource(sid);
    };
    // Removed once a frame has drawn it: at the first idle after its source has loaded (its one tile is in).
    const sid = parts.sources[0]![0];
    const check = () => {
      if (!this.map.getSource(sid) || this.map.isSourceLoaded(sid)) {
        this.map.off('idle', check);
        remove();
      }
    };
    this.map.on('idle', check);
    this.map.triggerRepaint();
  }

  destroy(): void {
    this.removed = true;
  }
}
