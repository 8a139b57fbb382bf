/**
 * 影像 (issue 12): the one imagery list and its one 打开影像 — local tile packages (MBTiles, PMTiles), tile folders
 * (XYZ/TMS) and GeoTIFF/COG images (read by the geotiff feature's worker) as imagery layers drawn under the vector
 * layers, kept across reloads (a copy, a file handle, or this session only — said in the list), opened from the
 * picker or dropped on the map; the online basemaps' rows come from the basemaps feature. The generated sample
 * imagery on first start. Registered before the layers feature in
 * renderer/app/features.ts: map layers stack in registration order, so imagery is always under the vectors.
 */
import { useEffect, useMemo, useRef } from 'react';
import type React from 'react';
import sampleUrl from '../../../resources/sample/imagery/青石镇示例影像.mbtiles?url';
import type { MapLayerSpec, RasterLayerSpec } from '../../map';
import { useI18n, type MessageKey } from '../../i18n';
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { claimsGeoTiffFile, geotiffTiles, warmGeotiffWorker } from '../geotiff';
import { registerFileClaim } from '../import';
import { OpenImageryDialogHost, openDialog } from './components/OpenImageryDialog';
import { imageryTiles } from './imagery-client';
import { claimsImageryFile } from './imagery.logic';
import { zoomToImagery } from './zoom-to';
import './imagery.css';
import { IMAGERY_ACCEPT, pickerInputs as inputs, setReporter } from './pickers';
import { bootImagery, imageryStore, openImageryFiles, type OpenOutcome, type PickedImageryFile } from './imagery-store';

/** A framed landscape (an image), on the 16 × 16 icon grid. */
const IMAGE = defineIcon('M2.5 3.5 H13.5 V12.5 H2.5 Z M2.5 10.5 L6 7 L9 10 L11 8 L13.5 10.5 M10.5 5.5 h0.01');

function useReport() {
  const { t } = useI18n();
  const wb = useWorkbench();
  return (outcomes: OpenOutcome[]) => {
    const opened = outcomes.filter((o) => o.ok);
    for (const o of outcomes) {
      if (!o.ok) {
        wb.notices.error(t(o.key as MessageKey, { file: o.file, detail: o.detail ?? '' }));
        continue;
      }
      const info = o.layer.info;
      if (o.geotiff) {
        wb.notices.push('info', t('geotiff.opened', { file: o.layer.name, crs: o.geotiff.crsLabel }));
        for (const w of o.geotiff.warnings)
          if (w.code === 'crs.localDatum')
            wb.notices.push('warning', t('geotiff.localDatum', { file: o.layer.name, datum: String(w.params?.datum ?? '') }));
      } else
        wb.notices.push('info', t('imagery.opened', { name: o.layer.name, zooms: t('imagery.zoomRange', { min: info.minzoom, max: info.maxzoom }) }));
      if (opened.length === 1) wb.map.whenReady((m) => zoomToImagery(m, info));
    }
    if (opened.length > 0) wb.showPanel('layers');
  };
}

const picked = (list: FileList | null): PickedImageryFile[] =>
  [...(list ?? [])].map((file) => ({ path: (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name, file }));

/** The hidden pickers the open dialog clicks (a click is the user gesture a picker needs), and the claim on drops. */
function ImageryInputs() {
  const report = useReport();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const reportRef = useRef(report);
  reportRef.current = report;
  useEffect(() => {
    inputs.files = files.current;
    inputs.folder = folder.current;
    if (folder.current) folder.current.setAttribute('webkitdirectory', '');
    return () => {
      inputs.files = null;
      inputs.folder = null;
    };
  }, []);
  // Imagery dropped on the map (or picked by 导入图层) comes here; shapefiles and the rest stay with the import.
  useEffect(
    () =>
      registerFileClaim({
        id: 'imagery.files',
        claims: (path, all) => claimsImageryFile(path, all, claimsGeoTiffFile),
        take: (list) => {
          const asFiles = list.map((f) => ({
            path: f.path,
            file: f.data instanceof File ? f.data : new File([f.data as BlobPart], f.path.split('/').pop() ?? f.path),
          }));
          void openImageryFiles(asFiles).then((o) => reportRef.current(o));
        },
      }),
    [],
  );
  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const list = picked(e.currentTarget.files);
    e.currentTarget.value = '';
    if (list.length > 0) void openImageryFiles(list).then(report);
  };
  return (
    <>
      <input ref={files} type="file" multiple hidden accept={IMAGERY_ACCEPT.join(',')} data-testid="imagery-files-input" onChange={onPick} />
      <input ref={folder} type="file" multiple hidden data-testid="imagery-folder-input" onChange={onPick} />
    </>
  );
}

function useImageryMapLayers(): readonly MapLayerSpec[] {
  const { layers, status } = useStore(imageryStore);
  return useMemo(
    () =>
      layers
        .filter((l) => status[l.id]?.state === 'ready' && l.source.kind !== 'online')
        .map((l): RasterLayerSpec => ({
          type: 'raster',
          id: `imagery:${l.id}`,
          tiles: l.source.kind === 'geotiff' ? geotiffTiles(l.id) : imageryTiles(l.id),
          tileSize: l.info.tileSize,
          ...(l.info.bounds ? { bounds: l.info.bounds } : {}),
          minzoom: l.info.minzoom,
          maxzoom: l.info.maxzoom,
          opacity: l.opacity,
          visible: l.visible,
        })),
    [layers, status],
  );
}

function ReportBridge() {
  const report = useReport();
  useEffect(() => setReporter(report));
  return null;
}

export const imageryFeature: FeatureContribution = {
  id: 'imagery',
  boot: () => bootImagery(sampleUrl),
  commands: [
    {
      id: 'imagery.open',
      labelKey: 'imagery.open',
      menuLabelKey: 'imagery.openMenu',
      icon: IMAGE,
      menu: { menu: 'file', group: 1, order: 0 },
      toolbar: { group: 0, order: 2 },
      testId: 'imagery-open-button',
      perform: () => {
        warmGeotiffWorker();
        openDialog.set(true);
      },
    },
  ],
  hosts: [
    {
      slot: 'app',
      component: () => (
        <>
          <ImageryInputs />
          <ReportBridge />
          <OpenImageryDialogHost />
        </>
      ),
    },
  ],
  useMapLayers: useImageryMapLayers,
};
