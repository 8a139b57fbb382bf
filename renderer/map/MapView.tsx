import { useEffect, useLayoutEffect, useRef } from 'react';
import { MapController, type FeatureHit, type MapCallbacks, type MapLayerSpec, type MapViewState } from './map-controller';
import type { Bbox } from '../../shared/domain/geometry/bbox';

export interface MapHandle {
  fitBounds(bbox: Bbox, maxZoom?: number, animate?: boolean): void;
}

interface Props extends MapCallbacks {
  initialView: MapViewState;
  layers: MapLayerSpec[];
  highlight: FeatureHit | null;
  onReady(handle: MapHandle): void;
}

/** The map as a React component: it creates the controller once and pushes `layers`/`highlight` into it. */
export function MapView({ initialView, layers, highlight, onReady, ...callbacks }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const ctrl = useRef<MapController | null>(null);
  const loaded = useRef(false);
  const cbRef = useRef(callbacks);
  const latest = useRef({ layers, highlight });

  useEffect(() => {
    cbRef.current = callbacks;
    latest.current = { layers, highlight };
  });

  // Created before the first paint (layout effect): its WebGL context and tile requests then reach the GPU process
  // and the workers ahead of the panels' first raster, not behind it (reopen ~0.5 s sooner where both share one CPU).
  useLayoutEffect(() => {
    if (!container.current) return;
    const c = new MapController(container.current, initialView, {
      onClick: (h) => cbRef.current.onClick(h),
      onPointer: (p) => cbRef.current.onPointer(p),
      onView: (v) => cbRef.current.onView(v),
      onCamera: (cam) => cbRef.current.onCamera?.(cam),
      onError: (m) => cbRef.current.onError?.(m),
    }, latest.current.layers);
    ctrl.current = c;
    c.whenLoaded(() => {
      loaded.current = true;
      c.setLayers(latest.current.layers);
      c.highlight(latest.current.highlight);
      onReady({ fitBounds: (b, z, a) => c.fitBounds(b, z, a) });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(container.current);
    return () => {
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
    if (loaded.current) ctrl.current?.highlight(highlight);
  }, [highlight]);

  return <div ref={container} className="map" data-testid="map" />;
}
