/**
 * Tracks read from GPS handhelds and phones (GPX, KML, KMZ): lines of lon/lat points with their times. Points are
 * as the file has them: nothing is ever shifted, whatever datum the file may be in (README, Domain rule 4).
 */
import type { IssueCode } from '../types';

/** [longitude, latitude, time as epoch ms or null when the point has none]. */
export type TrackPoint = [lng: number, lat: number, timeMs: number | null];

export interface Track {
  /** The track's own name (GPX <name>, KML Placemark <name>), else the file's; "name (2/3)" for a track's segments. */
  name: string;
  points: TrackPoint[];
}

export type TrackFormat = 'gpx' | 'kml' | 'kmz';

/**
 * What can be said about the datum without asking: 'gcj02-likely' for 奥维 (Ovital) files — its .ovkml/.ovkmz are
 * GCJ-02, shifted by hundreds of metres — and 'unknown' otherwise (GPX and KML are WGS-84 by their specs, yet a phone
 * app may write GCJ-02 into them). The caller asks the user and warns; the reader never shifts.
 */
export type TrackDatum = 'unknown' | 'gcj02-likely';

export type TrackIssueCode =
  // errors: the file gives no track
  | 'track.empty'
  | 'track.unsupportedType'
  | 'track.badXml'
  | 'track.notTrackFile'
  | 'track.noTracks'
  | 'track.kmzNoKml'
  // the zip reader's own, for a KMZ
  | Extract<IssueCode, 'zip.corrupt' | 'zip.tooLarge' | 'zip.unsafePath' | 'zip.nested'>
  // warnings and notes: the tracks are usable
  | 'track.badPoints'
  | 'track.timesMismatch'
  | 'track.timesWithoutZone'
  | 'track.encodingAssumed'
  | 'track.othersIgnored'
  | 'track.gcj02Likely';

export interface TrackIssue {
  code: TrackIssueCode;
  severity: 'error' | 'warning' | 'info';
  /** The file, as the user gave it ("巡查/0420.gpx", "a.kmz/doc.kml"). */
  file: string;
  params?: Record<string, string | number>;
}

/** What one file gave: its tracks (none when it could not be used: then an error issue says why). */
export interface TrackFile {
  file: string;
  format: TrackFormat | null;
  datum: TrackDatum;
  tracks: Track[];
  issues: TrackIssue[];
}
