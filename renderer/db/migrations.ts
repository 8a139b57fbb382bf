/**
 * Every schema version ever shipped stays declared here, oldest first (README Decision 20).
 * An entry's `upgrade` migrates records written by the version before it; version 1 has none.
 * Indexes hold only small scalars: geometry and attributes live in Blobs, never in indexes.
 */
import type { Transaction } from 'dexie';
import { upgradeRecordsToV3 } from './upgrade-v3';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** Runs inside Dexie's upgrade transaction, before the database opens at this version. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

const V1_STORES = {
  layers: 'id, order',
  layerData: 'layerId',
  sourceFiles: 'layerId',
  settings: 'key',
};

// v2: a cache of the vector tiles the map has drawn, so reopening a large layer draws stored tiles instead
// of re-parsing and re-indexing its whole GeoJSON (50,000 polygons: ~2 s before the first tile).
// `id` = "<dataKey>/<source-layer>/<z>/<x>/<y>"; `layerId` lets a layer's tiles go with it.
const V2_STORES = { ...V1_STORES, tileCache: 'id, layerId' };

// v4 (issue 10): the responsibility grid and the patrols. Three new stores, none of the old ones changed:
// - gridAreas: the grid's areas (县 → 乡镇 → 村 → 网格单元, shared/domain/grid/area-record.ts); `parentId` finds an
//   area's children and `level` the areas of one level. A county's parentId is null, which IndexedDB leaves out of
//   the parentId index (null is not a key): roots are found by level, not by parentId.
// - patrolRules: the office's patrol rules (shared/domain/patrol), keyed by id.
// - patrols: the patrol log, keyed by id; `date` (the patrol's yyyy-MM-dd) finds a month's patrols for the ledger.
// Geometry stays out of every index (the header comment).
const V4_STORES = { ...V2_STORES, gridAreas: 'id, parentId, level', patrolRules: 'id', patrols: 'id, date' };

// 5: patrol areas (巡查区域) and the day's tasks (issue 10 item 3), and attachments stored once by their SHA-256.
const V5_STORES = { ...V4_STORES, patrolAreas: 'id, kind', patrolTasks: 'id, date', attachments: 'sha256' };

// 6 (issue 11): plot inspections (图斑核查记录, shared/domain/inspection/inspection-record.ts), keyed by id; `status`
// and `number` find the list's records without reading them all; and the photos' metadata (EXIF time, position,
// bearing, a hand placement, the stamped copy), keyed by the SHA-256 of the original bytes — which stay in
// `attachments`, untouched. `updatedAt` lets the list check its summaries against the records by reading keys
// only. And each inspection's summary (shared/domain/inspection/summary-record.ts, keyed by the record's id): what
// the 核查 list shows of it and where its plot is, written in the same transaction as the record, so the list reads
// this small store instead of 10,000 records with their histories and plots.
const V6_STORES = {
  ...V5_STORES,
  inspections: 'id, status, number, updatedAt',
  photos: 'sha256',
  inspectionSummaries: 'id',
};

// 7 (issue 12): imagery layers (imagery-record.ts: tile packages, tile folders, GeoTIFFs, online basemaps), keyed by id.
// The bytes of a small package are in the record (a Blob), a large one is a file handle; nothing is indexed but the id.
//
// And the online basemaps' tile cache and their download-ahead jobs (renderer/db/basemap-cache-repo.ts). The
// bytes (`basemapTiles`) and their bookkeeping (`basemapTileIndex`: size, last use) are two stores so the LRU reads
// the small records, never the tiles; `lastUsed` orders the eviction. A cache: losing it costs downloads, never data.
const V7_STORES = {
  ...V6_STORES,
  imageryLayers: 'id',
  basemapTiles: 'id',
  basemapTileIndex: 'id, lastUsed, tileSet',
  basemapJobs: 'id',
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES },
  {
    // v3: records carry their record version `v` (the record modules in shared/domain and layer-data-record.ts),
    // so a later change of one record's shape can be migrated record by record. Stores and indexes are unchanged.
    // The upgrade rewrites layers, layerData and settings; source files and tiles gain `v` when next written
    // (upgrade-v3.ts says why), and until then are read as version 2.
    version: 3,
    stores: V2_STORES,
    upgrade: async (tx) => {
      await upgradeRecordsToV3(tx);
    },
  },
  {
    // v4: new stores only (V4_STORES above); every v3 record stays as it is, so there is no upgrade step.
    version: 4,
    stores: V4_STORES,
  },
  {
    // v5: new stores only (V5_STORES above), no record rewritten.
    version: 5,
    stores: V5_STORES,
  },
  {
    // v6: new stores only (V6_STORES above), no record rewritten.
    version: 6,
    stores: V6_STORES,
  },
  {
    // v7: new stores only (V7_STORES above), no record rewritten.
    version: 7,
    stores: V7_STORES,
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
