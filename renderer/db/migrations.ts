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
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
