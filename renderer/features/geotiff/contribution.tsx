/**
 * The geotiff feature: 打开影像 (toolbar, 文件 menu), .tif/.tiff with their sidecars taken from a drop or a pick of
 * 导入图层 (a file claim), the 影像 tab, and the open images drawn under the vector layers (lpcog:// tiles rendered in
 * the geotiff worker). renderImagery (index.ts) renders any imagery layer for print.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useI18n, type Translate } from '../../i18n';
import type { FeatureContribution } from '../../ui/contributions';
import { useStore } from '../../ui/store';
import { useWorkbench, type Workbench } from '../../ui/workbench';
import { registerFileClaim } from '../import';
import { GeotiffPanel } from './components/GeotiffPanel';
import { geotiffLayers, openGeotiffFiles, rasterSpecOf, warmGeotiffWorker } from './geotiff-client';
import { claimsGeoTiffFile, refusalKey } from './geotiff.logic';

let pickFiles: (() => void) | null = null;

async function openFiles(files: { path: string; data: Blob | Uint8Array }[], wb: Workbench, t: Translate): Promise<void> {
  wb.showPanel('geotiff');
  try {
    for (const o of await openGeotiffFiles(files)) {
      if (!o.result.ok) {
        wb.notices.push('error', t(refusalKey(o.result.reason), { file: o.file, detail: o.result.detail ?? '' }));
        continue;
      }
      const info = o.result.info;
      wb.notices.push('info', t('geotiff.opened', { file: o.file, crs: info.crsLabel }));
      for (const w of info.warnings)
        if (w.code === 'crs.localDatum') wb.notices.push('warning', t('geotiff.localDatum', { file: o.file, datum: String(w.params?.datum ?? '') }));
      const maxZoom = o.layer?.maxzoom ?? 18;
      wb.map.whenReady((m) => m.fit(info.boundsLngLat, { maxZoom }));
    }
  } catch (err) {
    wb.notices.push('error', t('geotiff.failed', { file: files[0]?.path ?? '', message: err instanceof Error ? err.message : String(err) }));
  }
}

/** The hidden file input of 打开影像, and the claim on dropped images. */
function GeotiffHost() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    pickFiles = () => input.current?.click();
    return () => {
      pickFiles = null;
    };
  }, []);
  useEffect(() => registerFileClaim({ id: 'geotiff.image', claims: claimsGeoTiffFile, take: (files) => void openFiles(files, wb, t) }), [wb, t]);
  return (
    <input
      ref={input}
      type="file"
      multiple
      hidden
      accept=".tif,.tiff,.tfw,.tifw,.wld,.prj,.xml"
      data-testid="geotiff-files-input"
      onChange={(e) => {
        const files = Array.from(e.currentTarget.files ?? [], (f) => ({ path: f.name, data: f }));
        e.currentTarget.value = '';
        void openFiles(files, wb, t);
      }}
    />
  );
}

function useGeotiffMapLayers() {
  const layers = useStore(geotiffLayers);
  return useMemo(() => layers.map(rasterSpecOf), [layers]);
}

export const geotiffFeature: FeatureContribution = {
  id: 'geotiff',
  commands: [
    {
      id: 'geotiff.open',
      labelKey: 'geotiff.open',
      menuLabelKey: 'geotiff.openMenu',
      icon: 'plus',
      menu: { menu: 'file', group: 0, order: 2 },
      toolbar: { group: 0, order: 2 },
      testId: 'geotiff-open-button',
      perform: () => {
        pickFiles?.();
        warmGeotiffWorker();
      },
    },
  ],
  panels: [{ id: 'geotiff', titleKey: 'geotiff.title', dock: 'left', order: 0.5, component: GeotiffPanel }],
  hosts: [{ slot: 'app', component: GeotiffHost }],
  useMapLayers: useGeotiffMapLayers,
};
