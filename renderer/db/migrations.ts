/**
 * Every schema version ever shipped stays declared here, oldest first (STYLE.md habit 6).
 * An entry's `upgrade` migrates records written by the version before it; version 1 has none.
 * Indexes hold only small scalars: geometry and attributes live in Blobs, never in indexes.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** Runs inside Dexie's upgrade transaction; receives the table accessor. */
  upgrade?: (tables: { table(name: string): { toCollection(): { modify(fn: (rec: Record<string, unknown>) => void): Promise<unknown> } } }) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      layers: 'id, order',
      layerData: 'layerId',
      sourceFiles: 'layerId',
      settings: 'key',
    },
  },
  {
    // v2: a cache of the vector tiles the map has drawn, so reopening a large layer draws stored tiles instead
    // of re-parsing and re-indexing its whole GeoJSON (50,000 polygons: ~2 s before the first tile).
    // `id` = "<dataKey>/<source-layer>/<z>/<x>/<y>"; `layerId` lets a layer's tiles go with it.
    version: 2,
    stores: {
      layers: 'id, order',
      layerData: 'layerId',
      sourceFiles: 'layerId',
      settings: 'key',
      tileCache: 'id, layerId',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
