import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import {
  MapController,
  type FeatureHit,
  type FitOptions,
  type FlyToOptions,
  type GeoJsonLayerSpec,
  type MapCallbacks,
  type MapLayerSpec,
  type MapViewState,
} from './map-controller';
import { EditCard } from './tools/EditCard';
import type { EditorHandle } from './tools/edit-session';
import type { ToolHost } from './tools/tool-host';
import type { AnyTool } from './tools/types';
import type { Bbox } from '../../shared/domain/geometry/bbox';

/** What features may do with the map once it has loaded (options as objects: no positional numbers). */
export interface MapHandle {
  /** Shows a lon/lat box (default: at most zoom 18, animated, 40 px padding). */
  fit(bbox: Bbox, opts?: FitOptions): void;
  flyTo(opts: FlyToOptions): void;
  view(): MapViewState;
  /** The lon/lat box on screen now ([west, south, east, north]). */
  bounds(): Bbox;
  /** Outlines one feature (null: none). The `highlight` prop does the same declaratively; the last call wins. */
  highlight(hit: FeatureHit | null): void;
  /** A PNG of the map canvas as drawn now (print, evidence). */
  screenshot(): Promise<Blob>;
  /**
   * Runs a tool (null: none): a drawing tool (MapTool) or an editing session (EditTool); the tool it replaces gets
   * onCancel. While a tool is active clicks don't identify.
   */
  setTool(tool: AnyTool | null): void;
  activeTool(): string | null;
  /** The running editing session's commands and view (null when no EditTool is active). */
  editor(): EditorHandle | null;
  /** A lon/lat position → CSS pixels from the map element's top left. */
  project(lngLat: [number, number]): [number, number];
  /** Compiles the GL programs a live layer of this paint will need, in idle time (MapController.primePrograms). */
  primePrograms(spec: GeoJsonLayerSpec): void;
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
    bounds: () => c.bounds(),
    highlight: (h) => c.highlight(h),
    screenshot: () => c.screenshot(),
    setTool: (t) => c.setTool(t),
    activeTool: () => c.activeTool(),
    editor: () => c.tools.editor(),
    project: (p) => c.project(p),
    primePrograms: (spec) => c.primePrograms(spec),
  };
}

/** The editing session's card, in the map element (over the canvas), while a session that wants it runs. */
function EditCardHost({ tools, container }: { tools: ToolHost; container: HTMLElement }) {
  const view = useSyncExternalStore(
    (l) => tools.subscribe(l),
    () => (tools.showsCard() ? tools.editView() : null),
  );
  const editor = tools.editor();
  if (!view || !editor) return null;
  return createPortal(<EditCard view={view} editor={editor} />, container);
}

/** The map as a React component: it creates the controller once and pushes `layers`/`highlight` into it. */
export function MapView({ initialView, layers, highlight, onReady, ...callbacks }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const ctrl = useRef<MapController | null>(null);
  const loaded = useRef(false);
  const cbRef = useRef(callbacks);
  const latest = useRef({ layers, highlight, onReady });
  const [ready, setReady] = useState<{ tools: ToolHost; container: HTMLElement } | null>(null);

  useEffect(() => {
    cbRef.current = callbacks;
    latest.current = { layers, highlight, onReady };
  });

  // Created before the first paint (layout effect): its WebGL context and tile requests then reach the GPU process
  // and the workers ahead of the panels' first raster, not behind it (reopen ~0.5 s sooner where both share one CPU).
  useLayoutEffect(() => {
    const el: MapElement | null = container.current;
    if (!el) return;
    const c = new MapController(
      el,
      initialView,
      {
        onClick: (h) => cbRef.current.onClick(h),
        onPointer: (p) => cbRef.current.onPointer(p),
        onView: (v) => cbRef.current.onView(v),
        onCamera: (cam) => cbRef.current.onCamera?.(cam),
        onError: (m) => cbRef.current.onError?.(m),
        onTool: (id) => cbRef.current.onTool?.(id),
        onContextMenu: (at) => cbRef.current.onContextMenu?.(at),
      },
      latest.current.layers,
    );
    ctrl.current = c;
    setReady({ tools: c.tools, container: el });
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
      setReady(null);
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

  return (
    <>
      <div ref={container} className="map" data-testid="map" />
      {ready && <EditCardHost tools={ready.tools} container={ready.container} />}
    </>
  );
}
