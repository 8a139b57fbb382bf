/**
 * Is a track file likely GCJ-02? 奥维互动地图 (Ovital) writes its .ovkml/.ovkmz (and, since 9.3, its other exports)
 * in GCJ-02, offset from WGS-84/CGCS2000 by hundreds of metres; its files name it. We only say "likely" and let
 * the user decide; coordinates are never shifted (README, Domain rule 4).
 */
import type { TrackDatum } from './types';

const OVITAL_EXTENSION = /\.ovkm[lz]$/i;
/** Ovital names itself in what it writes (creator, generator comments, its namespace): in Latin or Chinese. */
const OVITAL_TEXT = /ovital|奥维/i;

export function trackDatum(fileName: string, text: string | null): TrackDatum {
  if (OVITAL_EXTENSION.test(fileName)) return 'gcj02-likely';
  // The head of the file carries the creator and namespaces; a track's own names are not evidence.
  if (text !== null && OVITAL_TEXT.test(text.slice(0, 4096))) return 'gcj02-likely';
  return 'unknown';
}
