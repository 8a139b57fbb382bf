import { useEffect, useLayoutEffect, useRef } from 'react';
import { MapController, type FeatureHit, type FitOptions, type FlyToOptions, type MapCallbacks, type MapLayerSpec, type MapViewState } from './map-controller';
import type { MapTool } from './tools/types';
import type { Bbox } from '../../shared/domain/geometry/bbox';

/** What features may do with the map once it has loaded (options as objects: no positional numbers). */
export interface MapHandle {
  /** Shows a lon/lat box (default: at most zoom 18, animated, 40 px padding). */
  fit(bbox: Bbox, opts?: FitOptions): void;
  flyTo(opts: FlyToOptions): void;
  view(): MapViewState;
  /** Outlines one feature (null: none). The `highlight` prop does the same declaratively; the last call wins. */
  highlight(hit: FeatureHit | null): void;
  /** A PNG of the map canvas as drawn now (print, evidence). */
  screenshot(): Promise<Blob>;
  /** Runs a drawing tool (null: none); the tool it replaces gets onCancel. While a tool is active clicks don't identify. */
  setTool(tool: MapTool | null): void;
  activeTool(): string | null;
}

/** The map's element (data-testid="map") once loaded. */
export type MapElement = HTMLDivElement & { mapHandle?: MapHandle };

interface Props extends MapCallbacks {
  initialView: MapViewState;
  layers: readonly MapLayerSpec[];
  highlight?: FeatureHit | null;
  onReady(handle: MapHandle): void;
}

export function handleOf(c: MapController): MapHandle {
  return {
    fit: (b, o) => c.fit(b, o),
    flyTo: (o) => c.flyTo(o),
    view: () => c.view(),
    highlight: (h) => c.highlight(h),
    screenshot: () => c.screenshot(),
    setTool: (t) => c.setTool(t),
    activeTool: () => c.activeTool(),
  };
}

/** The map as a React component: it creates the controller once and pushes `layers`/`highlight` into it. */
export function MapView({ initialView, layers, highlight, onReady, ...callbacks }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const ctrl = useRef<MapController | null>(null);
  const loaded = useRef(false);
  const cbRef = useRef(callbacks);
  const latest = useRef({ layers, highlight, onReady });

  useEffect(() => {
    cbRef.current = callbacks;
    latest.current = { layers, highlight, onReady };
  });

  // Created before the first paint (layout effect): its WebGL context and tile requests then reach the GPU process
  // and the workers ahead of the panels' first raster, not behind it (reopen ~0.5 s sooner where both share one CPU).
  useLayoutEffect(() => {
    const el: MapElement | null = container.current;
    if (!el) return;
    const c = new MapController(el, initialView, {
      onClick: (h) => cbRef.current.onClick(h),
      onPointer: (p) => cbRef.current.onPointer(p),
      onView: (v) => cbRef.current.onView(v),
      onCamera: (cam) => cbRef.current.onCamera?.(cam),
      onError: (m) => cbRef.current.onError?.(m),
      onTool: (id) => cbRef.current.onTool?.(id),
      onContextMenu: (at) => cbRef.current.onContextMenu?.(at),
    }, latest.current.layers);
    ctrl.current = c;
    c.whenLoaded(() => {
      loaded.current = true;
      c.setLayers(latest.current.layers);
      if (latest.current.highlight !== undefined) c.highlight(latest.current.highlight);
      const handle = handleOf(c);
      // The map element carries its handle, as it carries data-map-state: journeys and the bench drive the map with it.
      el.mapHandle = handle;
      latest.current.onReady(handle);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      delete el.mapHandle;
      ro.disconnect();
      c.destroy();
      ctrl.current = null;
      loaded.current = false;
    };
    // The map is created once; later view changes come from the user, not from props.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (loaded.current) ctrl.current?.setLayers(layers);
  }, [layers]);

  useEffect(() => {
    if (loaded.current && highlight !== undefined) ctrl.current?.highlight(highlight);
  }, [highlight]);

  return <div ref={container} className="map" data-testid="map" />;
}
