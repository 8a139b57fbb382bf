/**
 * The imagery worker's client and the `lpimg://<layerId>/{z}/{x}/{y}` tile scheme (renderer/map's registry): a
 * package layer's tiles come from the worker, a folder layer's from its own files (imagery-folders.ts).
 */
import { protocolTileTemplate, registerTileProtocol } from '../../map';
import { createWorkerClient } from '../../platform/worker-client';
import type { ImageryProtocol, PackageKind } from './imagery.protocol';

export const IMAGERY_SCHEME = 'lpimg';
export const imageryTiles = (id: string) => [protocolTileTemplate(IMAGERY_SCHEME, id)];

const worker = createWorkerClient<ImageryProtocol>({
  spawn: () => new Worker(new URL('./imagery.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-imagery' }),
  lifetime: 'persistent',
});

type FolderReader = (z: number, x: number, y: number) => Promise<ArrayBuffer | null>;
const folders = new Map<string, FolderReader>();
const packages = new Set<string>();

let registered = false;
function ensureScheme(): void {
  if (registered) return;
  registered = true;
  registerTileProtocol(IMAGERY_SCHEME, async ({ key, z, x, y }) => {
    const folder = folders.get(key);
    if (folder) return folder(z, x, y);
    if (!packages.has(key)) return null;
    const bytes = await worker.request('tile', { id: key, z, x, y });
    return bytes.byteLength > 0 ? bytes : null;
  });
}

export async function openPackage(id: string, kind: PackageKind, blob: Blob) {
  ensureScheme();
  const r = await worker.request('open', { id, kind, blob });
  if (r.ok) packages.add(id);
  return r;
}

export function openFolder(id: string, read: FolderReader): void {
  ensureScheme();
  folders.set(id, read);
}

export function closeImagery(id: string): void {
  folders.delete(id);
  if (packages.delete(id)) void worker.request('close', { id }).catch(() => undefined);
}
