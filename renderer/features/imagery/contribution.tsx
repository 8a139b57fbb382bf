/**
 * 影像 (issue 12 items 1 and 5): local tile packages (MBTiles, PMTiles) and tile folders (XYZ/TMS) as imagery layers
 * drawn under the vector layers, kept across reloads (a copy, a file handle, or this session only — said in the
 * list), and the generated sample imagery on first start. Registered before the layers feature in
 * renderer/app/features.ts: map layers stack in registration order, so imagery is always under the vectors.
 */
import { useEffect, useMemo, useRef } from 'react';
import sampleUrl from '../../../resources/sample/imagery/青石镇示例影像.mbtiles?url';
import type { MapLayerSpec, RasterLayerSpec } from '../../map';
import { useI18n, type MessageKey } from '../../i18n';
import type { FeatureContribution } from '../../ui/contributions';
import { defineIcon } from '../../ui/Icon';
import { useStore } from '../../ui/store';
import { useWorkbench } from '../../ui/workbench';
import { imageryTiles } from './imagery-client';
import { refusalKey } from './imagery.logic';
import { zoomToImagery } from './zoom-to';
import { bootImagery, imageryStore, openPackages, openTileFolder, type OpenOutcome } from './imagery-store';

/** A framed landscape (an image), on the 16 × 16 icon grid. */
const IMAGE = defineIcon('M2.5 3.5 H13.5 V12.5 H2.5 Z M2.5 10.5 L6 7 L9 10 L11 8 L13.5 10.5 M10.5 5.5 h0.01');

const inputs: { files: HTMLInputElement | null; folder: HTMLInputElement | null } = { files: null, folder: null };

function useReport() {
  const { t } = useI18n();
  const wb = useWorkbench();
  return (outcomes: OpenOutcome[]) => {
    for (const o of outcomes) {
      if (o.ok) {
        wb.notices.push(
          'info',
          t('imagery.opened', { name: o.layer.name, zooms: t('imagery.zoomRange', { min: o.layer.info.minzoom, max: o.layer.info.maxzoom }) }),
        );
        const info = o.layer.info;
        if (outcomes.length === 1) wb.map.whenReady((m) => zoomToImagery(m, info));
      } else wb.notices.error(t(refusalKey(o.reason) as MessageKey, { file: o.file, detail: o.detail ?? '' }));
    }
  };
}

/** The hidden pickers the commands click (a toolbar click or shortcut is the user gesture a picker needs). */
function ImageryInputs() {
  const report = useReport();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  useEffect(() => {
    inputs.files = files.current;
    inputs.folder = folder.current;
    if (folder.current) folder.current.setAttribute('webkitdirectory', '');
    return () => {
      inputs.files = null;
      inputs.folder = null;
    };
  }, []);
  return (
    <>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        accept=".mbtiles,.pmtiles"
        data-testid="imagery-files-input"
        onChange={(e) => {
          const picked = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          void openPackages(picked.map((file) => ({ file }))).then(report);
        }}
      />
      <input
        ref={folder}
        type="file"
        multiple
        hidden
        data-testid="imagery-folder-input"
        onChange={(e) => {
          const picked = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (picked.length > 0) void openTileFolder(picked).then((o) => report([o]));
        }}
      />
    </>
  );
}

type PickerWindow = Window & {
  showOpenFilePicker?: (o: {
    multiple: boolean;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle[]>;
};

/**
 * Chromium's File System Access picker when there is one (a large package is then kept by its handle, not copied);
 * elsewhere (Electron's renderer too) the file input. A cancelled picker is no error.
 */
async function pickPackages(report: (o: OpenOutcome[]) => void): Promise<void> {
  const w = window as PickerWindow;
  if (!w.showOpenFilePicker) {
    inputs.files?.click();
    return;
  }
  let handles: FileSystemFileHandle[];
  try {
    handles = await w.showOpenFilePicker({
      multiple: true,
      types: [{ description: 'MBTiles / PMTiles', accept: { 'application/octet-stream': ['.mbtiles', '.pmtiles'] } }],
    });
  } catch {
    return;
  }
  const files = await Promise.all(handles.map(async (handle) => ({ file: await handle.getFile(), handle })));
  report(await openPackages(files));
}

function useImageryMapLayers(): readonly MapLayerSpec[] {
  const { layers, status } = useStore(imageryStore);
  return useMemo(
    () =>
      layers
        .filter((l) => status[l.id]?.state === 'ready')
        .map((l): RasterLayerSpec => ({
          type: 'raster',
          id: `imagery:${l.id}`,
          tiles: imageryTiles(l.id),
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

let reportRef: ((o: OpenOutcome[]) => void) | null = null;
function ReportBridge() {
  const report = useReport();
  useEffect(() => {
    reportRef = report;
    return () => {
      reportRef = null;
    };
  });
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
      toolbar: { group: 0, order: 5 },
      testId: 'imagery-open-button',
      perform: () => pickPackages((o) => reportRef?.(o)),
    },
    {
      id: 'imagery.openFolder',
      labelKey: 'imagery.openFolder',
      menuLabelKey: 'imagery.openFolderMenu',
      menu: { menu: 'file', group: 1, order: 1 },
      perform: () => inputs.folder?.click(),
    },
  ],
  hosts: [
    {
      slot: 'app',
      component: () => (
        <>
          <ImageryInputs />
          <ReportBridge />
        </>
      ),
    },
  ],
  useMapLayers: useImageryMapLayers,
};
