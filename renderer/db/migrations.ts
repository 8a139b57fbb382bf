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
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
