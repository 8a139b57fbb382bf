/**
 * The patrol worker's protocol (renderer/platform/worker-protocol.ts): a track file read and measured against the
 * patrol units, or a drawn route measured. Parsing (togeojson over xmldom: workers have no DOMParser) and coverage
 * (geodesic, per cell) run off the UI thread; a file the reader cannot use comes back as its issues, not thrown.
 */
import type { CellCoverage, PackedCells } from '../../../shared/domain/patrol/coverage';
import type { RoutePoint } from '../../../shared/domain/patrol/patrol-record';
import type { TrackDatum, TrackFormat, TrackIssue } from '../../../shared/formats/track/types';

export interface ReadTrackRequest {
  /** The file as the user gave it (its name says the datum hint for .ovkml). */
  file: string;
  bytes: Uint8Array;
  /** The patrol units, packed and transferred (packCells: 5,000 cells as GeoJSON objects took 80–180 ms to copy). */
  cells: PackedCells;
}

export interface TrackRun {
  file: string;
  format: TrackFormat | null;
  datum: TrackDatum;
  /** One line per track segment, points as the file has them (never shifted). [] when the file gave none. */
  route: RoutePoint[][];
  issues: TrackIssue[];
  /** The units the route entered, with metres and seconds inside (thresholds applied by the form). */
  coverage: CellCoverage[];
  lengthMetres: number;
}

export interface CoverageRequest {
  route: RoutePoint[][];
  cells: PackedCells;
}

export interface CoverageRun {
  coverage: CellCoverage[];
  lengthMetres: number;
}

export interface PatrolProgress {
  phase: 'read' | 'coverage';
}

export type PatrolProtocol = {
  readTrack: { request: ReadTrackRequest; result: TrackRun; progress: PatrolProgress };
  coverage: { request: CoverageRequest; result: CoverageRun; progress: PatrolProgress };
};
