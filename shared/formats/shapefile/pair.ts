// .shp record i belongs to .dbf row i (ESRI Shapefile Technical Description: "one-to-one relationship
// between geometry and attributes … the order of records in the dBASE file must be the same as in the main
// file"). When the counts disagree the file pair was edited apart; we pair the first min(shp, dbf) records
// and say how many were left without a partner.
import type { Issue } from '../types';

export interface RecordPairing {
  /** Records 0 … paired-1 of both files are used. */
  paired: number;
  /** Records left over in the longer file, not imported. */
  skipped: number;
  issues: Issue[];
}

export function pairRecords(shpCount: number, dbfCount: number, file: string): RecordPairing {
  const paired = Math.min(shpCount, dbfCount);
  const skipped = Math.max(shpCount, dbfCount) - paired;
  const issues: Issue[] =
    skipped === 0 ? [] : [{ code: 'shp.recordCountMismatch', severity: 'warning', file, params: { shp: shpCount, dbf: dbfCount, skipped } }];
  return { paired, skipped, issues };
}
