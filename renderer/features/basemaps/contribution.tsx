/**
 * 在线底图 (issue 12 item 3): online basemaps, opt-in — Tianditu 矢量/影像 with 注记 and any XYZ URL with its declared
 * datum; their rows in the one 影像 list (BasemapRows, placed by the imagery feature), the 在线底图 settings dialog, the map's raster layers (at the bottom of the stack), the map's
 * 离线 and GCJ-02/BD-09 badges, and the download-ahead dialog. Nothing is asked of any server until a source is on.
 */
import { useMemo } from 'react';
import type { MapLayerSpec } from '../../map';
import { protocolTileTemplate } from '../../map';
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { loadJobs } from './basemap-download';
import { BASEMAP_SCHEME, basemapSettings, enabledTileLayers, loadBasemaps } from './basemaps-state';
import { AddXyzDialog } from './components/AddXyzDialog';
import { BasemapSettingsDialog } from './components/BasemapSettingsDialog';
import { DownloadDialog, forgetDownloadDraft } from './components/DownloadDialog';
import { BoxOverlay, cameraTick } from './components/BoxOverlay';
import { drawingCorners, drawnBox } from './draw-box';
import { MapBadges } from './components/MapBadges';
import { dialogState } from './dialog-state';
import './basemaps.css';

/** A globe: the online basemaps. */
const GLOBE = defineIcon('M8 2 A6 6 0 1 1 7.99 2 M2 8 H14 M8 2 C5 5 5 11 8 14 M8 2 C11 5 11 11 8 14');

function BasemapDialogs() {
  const d = useStore(dialogState);
  const close = () => {
    dialogState.set(null);
    drawnBox.set(null);
    forgetDownloadDraft();
  };
  const back = () => dialogState.set({ kind: 'settings' });
  if (d?.kind === 'settings') return <BasemapSettingsDialog onClose={close} />;
  if (d?.kind === 'addXyz') return <AddXyzDialog onClose={back} />;
  if (d?.kind === 'download') return <DownloadDialog onClose={close} />;
  return null;
}

function useBasemapLayers(): readonly MapLayerSpec[] {
  const settings = useStore(basemapSettings);
  return useMemo(() => {
    const opacity = new Map(settings.sources.map((s) => [s.id, s.opacity]));
    // In the list's order, bottom first (each source's base under its annotation).
    return enabledTileLayers(settings).map((l): MapLayerSpec => ({
      type: 'raster',
      id: `basemap-${l.tileSet}`,
      tiles: [protocolTileTemplate(BASEMAP_SCHEME, l.tileSet)],
      tileSize: 256,
      maxzoom: l.maxzoom,
      opacity: opacity.get(l.sourceId) ?? 1,
      visible: true,
    }));
  }, [settings]);
}

export const basemapsFeature: FeatureContribution = {
  id: 'basemaps',
  boot: async () => {
    await loadBasemaps();
    await loadJobs();
  },
  commands: [
    {
      id: 'basemaps.open',
      labelKey: 'basemaps.command',
      menuLabelKey: 'basemaps.commandMenu',
      icon: GLOBE,
      menu: { menu: 'view', group: 2, order: 0 },
      toolbar: { group: 1, order: 5 },
      testId: 'basemaps-button',
      perform: () => dialogState.set({ kind: 'settings' }),
    },
  ],
  hosts: [
    { slot: 'map', component: MapBadges },
    { slot: 'map', component: BoxOverlay },
    { slot: 'app', component: BasemapDialogs },
  ],
  useMapLayers: useBasemapLayers,
  mapListeners: {
    onCamera: () => {
      if (drawingCorners.get() || drawnBox.get()) cameraTick.set((n) => n + 1);
    },
  },
};
