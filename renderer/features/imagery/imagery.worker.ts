/**
 * Tile packages in a worker: MBTiles through SQLite (wa-sqlite, synchronous build) whose VFS reads the File by
 * FileReaderSync over Blob.slice ranges, PMTiles through the pmtiles library over Blob.slice: a 2 GB package opens
 * by reading its header pages, and a tile costs a few pages. The UI thread only relays bytes (imagery-client.ts).
 */
import ModuleFactory from '@journeyapps/wa-sqlite/dist/wa-sqlite.mjs';
import wasmUrl from '@journeyapps/wa-sqlite/dist/wa-sqlite.wasm?url';
import { createSqliteRuntime, MbtilesError, openMbtiles, type SqliteRuntime } from '../../../shared/formats/tiles/mbtiles';
import { openPmtiles, PmtilesError } from '../../../shared/formats/tiles/pmtiles';
import { serveWorker } from '../../platform/worker-host';
import type { ImageryProtocol } from './imagery.protocol';

interface Open {
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

const open = new Map<string, Promise<Open | null>>();
let runtime: Promise<SqliteRuntime> | null = null;
const sqlite = () => (runtime ??= (ModuleFactory({ locateFile: () => wasmUrl }) as Promise<unknown>).then(createSqliteRuntime));
const reader = new FileReaderSync();

const EMPTY = new ArrayBuffer(0);

serveWorker<ImageryProtocol>({
  async open({ id, kind, blob }) {
    const t0 = performance.now();
    try {
      let pkg: Open & { info: import('../../../shared/formats/tiles/mbtiles').TilePackageInfo };
      if (kind === 'mbtiles') {
        const rt = await sqlite();
        pkg = await openMbtiles(rt, { size: blob.size, read: (o, l) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(o, o + l))) });
      } else {
        const p = await openPmtiles({ size: blob.size, key: id, read: (o, l) => blob.slice(o, o + l).arrayBuffer() });
        pkg = { ...p, close: async () => undefined };
      }
      const previous = open.get(id);
      open.set(id, Promise.resolve(pkg));
      void previous?.then((p) => p?.close());
      return { ok: true, info: pkg.info, openMs: performance.now() - t0 };
    } catch (e) {
      if (e instanceof MbtilesError || e instanceof PmtilesError)
        return {
          ok: false,
          reason: e.refusal.reason,
          detail: 'detail' in e.refusal ? e.refusal.detail : 'format' in e.refusal ? e.refusal.format : '',
        };
      return { ok: false, reason: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
    }
  },
  async tile({ id, z, x, y }, ctx) {
    const pkg = await open.get(id);
    if (!pkg) return EMPTY;
    const bytes = await pkg.tile(z, x, y);
    if (!bytes) return EMPTY;
    const buf = bytes.buffer.byteLength === bytes.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
    ctx.transfer(buf);
    return buf;
  },
  async close({ id }) {
    const pkg = await open.get(id);
    open.delete(id);
    await pkg?.close();
    return null;
  },
});
