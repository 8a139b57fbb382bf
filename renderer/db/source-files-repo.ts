/** A layer's source files: read here (re-decode); written and deleted inside the layer actions' transactions (layers-repo.ts). */
import {
  createSourceFilesRecord,
  restoreSourceFiles,
  type SourceFilesFields,
  type SourceFilesRecord,
} from '../../shared/domain/layers/source-files-record';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export async function getSourceFiles(id: string, db: LandPatrolDb = getDb()): Promise<SourceFilesRecord | null> {
  return readRecord('source files', await db.sourceFiles.get(id), restoreSourceFiles);
}

/** Inside the caller's transaction (it must include sourceFiles). */
export async function writeSourceFiles(db: LandPatrolDb, files: SourceFilesFields): Promise<void> {
  await db.sourceFiles.put(createSourceFilesRecord(files));
}

/** Inside the caller's transaction (it must include sourceFiles). */
export async function deleteSourceFiles(db: LandPatrolDb, layerId: string): Promise<void> {
  await db.sourceFiles.delete(layerId);
}
