import { Dexie, type Table } from 'dexie';
import { SCHEMA_VERSIONS } from './migrations';
import type { LayerDataRecord, LayerRecord, SettingRecord, SourceFilesRecord, TileCacheRecord } from './records';

export const DB_NAME = 'landpatrol';

/** The one IndexedDB database. Opened from the UI thread and from the import worker (same origin). */
export class LandPatrolDb extends Dexie {
  layers!: Table<LayerRecord, string>;
  layerData!: Table<LayerDataRecord, string>;
  sourceFiles!: Table<SourceFilesRecord, string>;
  settings!: Table<SettingRecord, string>;
  tileCache!: Table<TileCacheRecord, string>;

  constructor(name = DB_NAME, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    // 'strict': a transaction that completed is on disk (Chromium defaults to relaxed), STACK-NOTES.md.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const v of SCHEMA_VERSIONS) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) {
        const up = v.upgrade;
        declared.upgrade((tx) => up(tx as never));
      }
    }
  }
}

let instance: LandPatrolDb | null = null;
export function getDb(): LandPatrolDb {
  instance ??= new LandPatrolDb();
  return instance;
}
