import { Dexie, type Table } from 'dexie';
import type { GridArea } from '../../shared/domain/grid/area-record';
import type { PatrolArea } from '../../shared/domain/patrol/patrol-area-record';
import type { Patrol } from '../../shared/domain/patrol/patrol-record';
import type { PatrolTask } from '../../shared/domain/patrol/task-record';
import type { PatrolRule } from '../../shared/domain/patrol/rule';
import type { Inspection } from '../../shared/domain/inspection/inspection-record';
import type { InspectionSummaryRecord } from '../../shared/domain/inspection/summary-record';
import type { LayerRecord } from '../../shared/domain/layers/layer-record';
import type { SourceFilesRecord } from '../../shared/domain/layers/source-files-record';
import type { AttachmentRecord } from './attachment-record';
import type { ImageryLayer } from './imagery-record';
import type { TileCacheRecord } from '../../shared/domain/layers/tile-cache-record';
import type { SettingRecord } from '../../shared/domain/settings/setting-record';
import type { LayerDataRecord } from './layer-data-record';
import { SCHEMA_VERSIONS } from './migrations';

export const DB_NAME = 'landpatrol';

/** A record as a store holds it, before its module's restore has looked at it. */
export type StoredRecord = Record<string, unknown> & { id: string };

/**
 * The one IndexedDB database. Opened from the UI thread and from the workers (same origin).
 * The table types say what the repositories write; what is read back is validated all the same (older
 * versions, a bug, a hand-edited profile), so repositories pass every record read through a `restore*`.
 */
export class LandPatrolDb extends Dexie {
  layers!: Table<LayerRecord, string>;
  layerData!: Table<LayerDataRecord, string>;
  sourceFiles!: Table<SourceFilesRecord, string>;
  settings!: Table<SettingRecord, string>;
  tileCache!: Table<TileCacheRecord, string>;
  // Schema 4 (migrations.ts). What is read from them goes through their record module's restore, like the rest.
  gridAreas!: Table<GridArea, string>;
  patrolRules!: Table<PatrolRule, string>;
  patrols!: Table<Patrol, string>;
  // Schema 5. Patrol areas and the day's tasks are typed by their record modules (what is read goes through their
  // restore all the same).
  patrolAreas!: Table<PatrolArea, string>;
  patrolTasks!: Table<PatrolTask, string>;
  /** Keyed by sha256 (attachment-record.ts). */
  attachments!: Table<AttachmentRecord, string>;
  // Schema 6 (issue 11). Photos' metadata is keyed by the sha256 of the original bytes (in attachments).
  inspections!: Table<Inspection, string>;
  photos!: Table<StoredRecord, string>;
  /** Each inspection's list summary, written with the record (inspection-repo.ts). */
  inspectionSummaries!: Table<InspectionSummaryRecord, string>;
  // Schema 7 (issue 12).
  imageryLayers!: Table<ImageryLayer, string>;
  // Schema 7 (issue 12): the online basemaps' cache (basemap-cache-repo.ts validates what it reads).
  basemapTiles!: Table<StoredRecord, string>;
  basemapTileIndex!: Table<StoredRecord, string>;
  basemapJobs!: Table<StoredRecord, string>;

  constructor(name = DB_NAME, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    // 'strict': a transaction that completed is on disk (Chromium defaults to relaxed, which can lose a save
    // when the machine loses power right after it).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const v of SCHEMA_VERSIONS) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}

let instance: LandPatrolDb | null = null;
export function getDb(): LandPatrolDb {
  instance ??= new LandPatrolDb();
  return instance;
}

/** Opens the database ahead of its first read (a worker that will read it soon); failures surface on that read. */
export function openDbEarly(db: LandPatrolDb = getDb()): void {
  db.open().catch(() => undefined);
}
