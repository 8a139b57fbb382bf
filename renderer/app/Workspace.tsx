/**
 * The shell's layout: toolbar, the left dock (tabbed panels), the map with the features' overlays, the right
 * dock, the status bar. It composes what the features contribute (renderer/app/features.ts) and holds only its
 * own state — the workbench services: selection, context keys, dock, map access, notices.
 */
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { putSetting } from '../db';
import { useI18n } from '../i18n';
import { MapView, type MapLayerSpec, type MapViewState } from '../map';
import type { BootData, FeatureContribution, MapContextTarget } from '../ui/contributions';
import { ContextMenu } from '../ui/ContextMenu';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Notices } from '../ui/Notices';
import { createStore, useStore, type Store } from '../ui/store';
import { WorkbenchContext } from '../ui/workbench';
import { Dock } from './Dock';
import type { Registry } from './registry.logic';
import { Toolbar } from './Toolbar';
import { useElectronMenu } from './use-electron-menu';
import { useShortcuts } from './use-shortcuts';
import { createWorkbench, type ShellWorkbench } from './workbench';
import { CHINA_VIEW, stackMapLayers } from './workspace.logic';

export function Workspace({ registry, boot }: { registry: Registry; boot: BootData }) {
  const { t, lang, setLang } = useI18n();
  const wb = useMemo(() => createWorkbench(registry, boot), [registry, boot]);
  wb.setContext({ t, lang, setLang });
  let body: ReactNode = <Frame registry={registry} wb={wb} />;
  for (const f of [...registry.features].reverse()) if (f.Provider) body = <f.Provider>{body}</f.Provider>;
  return <WorkbenchContext.Provider value={wb}>{body}</WorkbenchContext.Provider>;
}

function Frame({ registry, wb }: { registry: Registry; wb: ShellWorkbench }) {
  const { lang } = useI18n();
  useShortcuts(registry, wb);
  useElectronMenu(registry, wb);
  const notices = useStore(wb.notices.items);
  const mapMenu = useMemo(() => createStore<MapMenuState | null>(null), []);
  // Each feature's map layers are collected by a small reporter component (a hook per feature, in a fixed order).
  const mapParts = useMemo(() => createStore<Readonly<Record<string, readonly MapLayerSpec[] | null>>>({}), []);
  const drawing = useMemo(() => registry.features.filter((f) => f.useMapLayers), [registry]);
  const parts = useStore(mapParts);
  const specs = useMemo(() => stackMapLayers(drawing.map((f) => (f.id in parts ? parts[f.id]! : null))), [drawing, parts]);
  let mapArea: ReactNode = specs ? (
    <LiveMap registry={registry} wb={wb} specs={specs} menu={mapMenu} />
  ) : (
    <div className="map" data-testid="map" data-map-state="loading" />
  );
  for (const f of [...registry.features].reverse()) if (f.MapWrapper) mapArea = <f.MapWrapper>{mapArea}</f.MapWrapper>;

  return (
    <div className="app">
      {drawing.map((f) => (
        <MapLayersReporter key={f.id} feature={f} into={mapParts} />
      ))}
      <Toolbar registry={registry} wb={wb} />
      <div className="workspace">
        <Dock side="left" panels={registry.panels.left} wb={wb} />
        <main className="map-area">
          {mapArea}
          {registry.hosts.map.map((h, i) => (
            <ErrorBoundary key={i} lang={lang}>
              <h.component />
            </ErrorBoundary>
          ))}
          <Notices items={notices} onDismiss={wb.notices.dismiss} />
          <MapContextMenu registry={registry} wb={wb} menu={mapMenu} />
        </main>
        <Dock side="right" panels={registry.panels.right} wb={wb} />
      </div>
      {registry.hosts.status.map((h, i) => (
        <h.component key={i} />
      ))}
      {registry.hosts.app.map((h, i) => (
        <ErrorBoundary key={i} lang={lang}>
          <h.component />
        </ErrorBoundary>
      ))}
    </div>
  );
}

function MapLayersReporter({
  feature,
  into,
}: {
  feature: FeatureContribution;
  into: Store<Readonly<Record<string, readonly MapLayerSpec[] | null>>>;
}) {
  const specs = feature.useMapLayers!();
  useEffect(() => into.set((p) => ({ ...p, [feature.id]: specs })), [into, feature.id, specs]);
  return null;
}

/** The map, created once the features' first layers are known (so they are in its first style, see MapController). */
function LiveMap({
  registry,
  wb,
  specs,
  menu,
}: {
  registry: Registry;
  wb: ShellWorkbench;
  specs: readonly MapLayerSpec[];
  menu: Store<MapMenuState | null>;
}) {
  const selection = useStore(wb.selection);
  const viewTimer = useRef(0);
  const listeners = useMemo(() => registry.features.flatMap((f) => (f.mapListeners ? [f.mapListeners] : [])), [registry]);
  const onView = useCallback((v: MapViewState) => {
    window.clearTimeout(viewTimer.current);
    viewTimer.current = window.setTimeout(() => void putSetting('view', v).catch(() => undefined), 400);
  }, []);
  useEffect(() => () => window.clearTimeout(viewTimer.current), []);
  useEffect(() => () => wb.attachMap(null), [wb]);
  return (
    <MapView
      initialView={wb.boot.savedView ?? CHINA_VIEW}
      layers={specs as MapLayerSpec[]}
      highlight={selection}
      onReady={(h) => wb.attachMap(h)}
      onClick={(hit) => wb.selection.set(hit)}
      onPointer={(p) => listeners.forEach((l) => l.onPointer?.(p))}
      onCamera={(c) => listeners.forEach((l) => l.onCamera?.(c))}
      onView={onView}
      onTool={(id) => wb.setKey('map.tool', id)}
      onContextMenu={
        registry.mapContextMenu.length > 0
          ? ({ lngLat, client, hit }) => menu.set({ x: client[0], y: client[1], target: { lngLat, hit } })
          : undefined
      }
    />
  );
}

interface MapMenuState {
  x: number;
  y: number;
  target: MapContextTarget;
}

/** The map's right-click menu: the features' items that apply where the user clicked. */
function MapContextMenu({ registry, wb, menu }: { registry: Registry; wb: ShellWorkbench; menu: Store<MapMenuState | null> }) {
  const { t } = useI18n();
  const m = useStore(menu);
  const close = useCallback(() => menu.set(null), [menu]);
  if (!m) return null;
  const items = registry.mapContextMenu
    .filter((a) => !a.when || a.when(m.target))
    .map((a) => ({ id: a.id, label: t(a.labelKey), testId: a.testId, run: () => wb.attempt(a.labelKey, () => a.perform(wb.context(), m.target)) }));
  if (items.length === 0) return null;
  return <ContextMenu x={m.x} y={m.y} items={items} onClose={close} testId="map-context-menu" />;
}
