/**
 * Collecting files from the browser: <input type=file> (with webkitRelativePath for folders) and drag and drop
 * (DataTransferItem.webkitGetAsEntry walks dropped folders, keeping relative paths). Files stay Blobs: the
 * worker reads their bytes, not the UI thread.
 */
import { CodedError } from '../../platform/coded-error';
import type { CollectedFile } from './import.logic';

/** A dropped file or folder the browser would not read (moved or deleted since, or no permission). */
const unreadable = (path: string) => (err: unknown) => {
  throw CodedError.of('fileUnreadable', err, { file: path });
};

export function fromFileList(list: FileList | null): CollectedFile[] {
  if (!list) return [];
  return Array.from(list, (f) => ({ path: f.webkitRelativePath || f.name, data: f }));
}

const fileOf = (entry: FileSystemFileEntry, path: string) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject)).catch(unreadable(path));

async function readAllEntries(dir: FileSystemDirectoryEntry, path: string): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  // readEntries returns batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject)).catch(unreadable(path));
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: CollectedFile[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) out.push({ path, data: await fileOf(entry as FileSystemFileEntry, path) });
  else if (entry.isDirectory) for (const child of await readAllEntries(entry as FileSystemDirectoryEntry, path)) await walk(child, path, out);
}

/** Must be called synchronously inside the drop handler (entries die after the event). */
export function fromDataTransfer(dt: DataTransfer): Promise<CollectedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files));
  return (async () => {
    const out: CollectedFile[] = loose.map((f) => ({ path: f.name, data: f }));
    for (const e of entries) await walk(e, '', out);
    return out;
  })();
}
