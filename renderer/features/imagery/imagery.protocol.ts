/** The imagery worker's protocol: tile packages opened over their Blob (never read whole) and their tiles. */
import type { TilePackageInfo } from '../../../shared/formats/tiles/mbtiles';

export type PackageKind = 'mbtiles' | 'pmtiles';

/** Why a package cannot be opened (imagery.logic.ts words it, naming the file). */
export type OpenRefusal = 'notSqlite' | 'noTilesTable' | 'vectorTiles' | 'unknownFormat' | 'empty' | 'notPmtiles' | 'unreadable';

export type ImageryProtocol = {
  open: {
    request: { id: string; kind: PackageKind; blob: Blob };
    result: { ok: true; info: TilePackageInfo; openMs: number } | { ok: false; reason: OpenRefusal; detail: string };
  };
  /** A tile's bytes (transferred); empty where the package has none. */
  tile: { request: { id: string; z: number; x: number; y: number }; result: ArrayBuffer };
  close: { request: { id: string }; result: null };
};
