import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { putSetting, type LayerRecord, type MapView as SavedView } from '../db';
import { AttributeTable } from '../features/attributes';
import { IdentifyPanel, useIdentify } from '../features/identify';
import { CrsDialog, DropZone, ImportButtons, ImportProgressCard, ImportResultDialog, pickWithElectron, useImport, type JobSummary } from '../features/import';
import { LayerPanel, LayerPropertiesDialog, sortBottomToTop, topProjectedZone, unionBbox, useLayers, useSampleOnFirstStart, type LayerItemActions, type StartupLayers } from '../features/layers';
import { OverlayDialog } from '../features/overlay';
import { LiveStatusBar, useStatusbar } from '../features/statusbar';
import { useI18n } from '../i18n';
import { MapView, type FeatureHit, type MapHandle, type MapViewState } from '../map';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Notices } from '../ui/Notices';
import { Toolbar } from './Toolbar';
import { useImportNotices } from './use-import-notices';
import { useMenuCommands } from './use-menu-commands';
import { useNotices } from '../ui/use-notices';
import { CHINA_VIEW, toMapSpecs } from './workspace.logic';
import type { Bbox } from '../../shared/domain/geometry/bbox';

export function Workspace({ savedView, startupLayers }: { savedView: SavedView | null; startupLayers: StartupLayers | null }) {
  const { t, lang, setLang } = useI18n();
  const notices = useNotices();
  const layersApi = useLayers(notices.error, startupLayers);
  const { layers, blobs } = layersApi;
  const status = useStatusbar();
  const dataZone = useMemo(() => topProjectedZone(layers), [layers]);
  const mapRef = useRef<MapHandle | null>(null);
  const [selection, setSelection] = useState<FeatureHit | null>(null);
  const [tableId, setTableId] = useState<string | null>(null);
  const [propsId, setPropsId] = useState<string | null>(null);
  const [overlayOpen, setOverlayOpen] = useState(false);
  const viewTimer = useRef(0);

  // A fit asked for before the map has loaded (first start: the sample can be stored first) waits for it.
  const pendingFit = useRef<Bbox | null>(null);
  const fitLayers = useCallback((ls: readonly LayerRecord[], animate = true) => {
    const b = unionBbox(ls);
    if (!b) return;
    if (mapRef.current) mapRef.current.fitBounds(b, 17, animate);
    else pendingFit.current = b;
  }, []);
  const showAll = useCallback((ls: readonly LayerRecord[]) => fitLayers(ls, false), [fitLayers]);
  // No saved view (first start, or the setting was lost): show all layers once they are listed.
  const fittedOnce = useRef(false);
  useEffect(() => {
    if (savedView || fittedOnce.current || !layersApi.loaded || layers.length === 0) return;
    fittedOnce.current = true;
    showAll(layers);
  }, [savedView, layersApi.loaded, layers, showAll]);
  const sampleBusy = useSampleOnFirstStart(layersApi, showAll, (m) => notices.error(t('layers.sampleFailed', { message: m })));
  const onImported = useCallback((s: JobSummary) => {
    void layersApi.reload().then((ls) => fitLayers(ls.filter((l) => s.layers.some((x) => x.id === l.id))));
  }, [layersApi, fitLayers]);
  const imp = useImport(onImported);
  useImportNotices(imp.state, notices.push, imp.dismiss);
  useMenuCommands({
    importLayers: () => void pickWithElectron(t('import.dialogTitle')).then((f) => f && imp.start(f)),
    toggleLanguage: () => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN'),
  });

  const bottomToTop = useMemo(() => sortBottomToTop(layers), [layers]);
  const specs = useMemo(() => toMapSpecs(bottomToTop, blobs), [bottomToTop, blobs]);
  const identify = useIdentify(selection, layers);
  const tableLayer = layers.find((l) => l.id === tableId) ?? null;
  const propsLayer = layers.find((l) => l.id === propsId) ?? null;

  const actions: LayerItemActions = {
    ...layersApi,
    zoomTo: (id) => fitLayers(layers.filter((l) => l.id === id)),
    openTable: setTableId,
    openProperties: setPropsId,
    remove: (id) => {
      if (selection?.layerId === id) setSelection(null);
      if (tableId === id) setTableId(null);
      layersApi.remove(id);
    },
  };

  const onView = useCallback((v: MapViewState) => {
    window.clearTimeout(viewTimer.current);
    viewTimer.current = window.setTimeout(() => void putSetting('view', v).catch(() => undefined), 400);
  }, []);
  useEffect(() => () => window.clearTimeout(viewTimer.current), []);

  const running = imp.state.kind === 'running';
  return (
    <div className="app">
      <Toolbar onOverlay={() => setOverlayOpen(true)}>
        <ImportButtons onFiles={imp.start} disabled={running} />
      </Toolbar>
      <div className="workspace">
        <ErrorBoundary lang={lang}>
          <LayerPanel layers={layers} actions={actions} busy={sampleBusy ? t('layers.sampleLoading') : null} />
        </ErrorBoundary>
        <main className="map-area">
          <DropZone onFiles={imp.start} onError={notices.error}>
            {/* Created once the stored layers are known, so they are in the map's first style (see MapController). */}
            {layersApi.dataLoaded ? (
              <MapView
                initialView={savedView ?? CHINA_VIEW}
                layers={specs}
                highlight={selection}
                onReady={(h) => {
                  mapRef.current = h;
                  if (pendingFit.current) h.fitBounds(pendingFit.current, 17, false);
                  pendingFit.current = null;
                }}
                onClick={setSelection}
                onPointer={status.onPointer}
                onCamera={status.onCamera}
                onView={onView}
              />
            ) : (
              <div className="map" data-testid="map" data-map-state="loading" />
            )}
          </DropZone>
          {running && <ImportProgressCard progress={imp.state.kind === 'running' ? imp.state.progress : null} onCancel={imp.cancel} />}
          <Notices items={notices.items} onDismiss={notices.dismiss} />
          {tableLayer && (
            <ErrorBoundary lang={lang}>
              <AttributeTable
                layer={tableLayer}
                selectedFid={selection?.layerId === tableLayer.id ? selection.fid : null}
                onSelect={(fid, bbox) => {
                  setSelection({ layerId: tableLayer.id, fid });
                  if (bbox) mapRef.current?.fitBounds(bbox, 18);
                }}
                onClose={() => setTableId(null)}
              />
            </ErrorBoundary>
          )}
        </main>
        <ErrorBoundary lang={lang}>
          <IdentifyPanel result={identify} />
        </ErrorBoundary>
      </div>
      <LiveStatusBar source={status} dataZone={dataZone} />
      {imp.state.kind === 'result' && <ImportResultDialog summary={imp.state.summary} onClose={imp.dismiss} />}
      {imp.state.kind !== 'result' && !running && imp.pending && <CrsDialog key={imp.pending.source} bundle={imp.pending} onChoose={imp.resolvePending} />}
      {propsLayer && <LayerPropertiesDialog layer={propsLayer} onClose={() => setPropsId(null)} onChanged={() => void layersApi.reload()} />}
      {overlayOpen && <OverlayDialog layers={layers} onClose={() => setOverlayOpen(false)} />}
    </div>
  );
}
