// CONTRACT STUB — the import pipeline (bundles → parsed, reprojected layers with areas); body to follow.
import type { ImportOptions, ImportResult, InputFile } from './types';

/** Reads everything the user dropped (loose parts, folders, zips) into layers, in lon/lat, with areas. */
export async function importFiles(_files: InputFile[], _opts: ImportOptions = {}): Promise<ImportResult> {
  throw new Error('not implemented');
}
