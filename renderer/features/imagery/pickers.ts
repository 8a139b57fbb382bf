/**
 * 打开影像's pickers: Chromium's File System Access picker when there is one (a large package or image is then kept by
 * its handle, not copied), elsewhere (Electron's renderer too) the hidden file input; and the folder input for a
 * `{z}/{x}/{y}` tile folder. The outcomes go to the reporter the feature's host set (notices, zoom to).
 */
import { warmGeotiffWorker } from '../geotiff';
import { openImageryFiles, type OpenOutcome } from './imagery-store';

/** Every file 打开影像 takes: packages, GeoTIFFs and their sidecars (a folder of tiles is picked as a folder). */
export const IMAGERY_ACCEPT = ['.mbtiles', '.pmtiles', '.tif', '.tiff', '.tfw', '.tifw', '.wld', '.prj', '.xml'];

export const pickerInputs: { files: HTMLInputElement | null; folder: HTMLInputElement | null } = { files: null, folder: null };

let reporter: ((o: OpenOutcome[]) => void) | null = null;
export const setReporter = (r: (o: OpenOutcome[]) => void): (() => void) => {
  reporter = r;
  return () => {
    if (reporter === r) reporter = null;
  };
};

type PickerWindow = Window & {
  showOpenFilePicker?: (o: {
    multiple: boolean;
    types: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileSystemFileHandle[]>;
};

/** A cancelled picker is no error. */
export async function pickImageryFiles(): Promise<void> {
  warmGeotiffWorker();
  const w = window as PickerWindow;
  if (!w.showOpenFilePicker) {
    pickerInputs.files?.click();
    return;
  }
  let handles: FileSystemFileHandle[];
  try {
    handles = await w.showOpenFilePicker({
      multiple: true,
      types: [{ description: 'MBTiles / PMTiles / GeoTIFF', accept: { 'application/octet-stream': IMAGERY_ACCEPT } }],
    });
  } catch {
    return;
  }
  const files = await Promise.all(handles.map(async (handle) => ({ path: handle.name, file: await handle.getFile(), handle })));
  reporter?.(await openImageryFiles(files));
}

export const pickImageryFolder = (): void => pickerInputs.folder?.click();
