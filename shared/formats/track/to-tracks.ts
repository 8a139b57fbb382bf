/**
 * togeojson's GeoJSON → tracks. One track per line (a GPX trkseg, a KML LineString or gx:Track), with each
 * point's time from `coordinateProperties.times`. togeojson lists the times of timed points only and the time
 * lists of timed lines only, so a list that does not match its points one to one cannot be paired safely: that
 * line is read without times and a warning says so (a time on the wrong point would misplace the patrol).
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { parseIsoTime } from './time';
import type { Track, TrackPoint } from './types';

export interface ToTracksResult {
  tracks: Track[];
  /** Points dropped for coordinates outside −180…180 / −90…90 or not numbers. */
  badPoints: number;
  /** Names of the tracks whose times could not be paired with their points. */
  timesMismatched: string[];
  /** Times read as UTC because they carried no offset. */
  timesWithoutZone: number;
  /** Features that are not lines (waypoints, placemarks, polygons): not tracks. */
  othersIgnored: number;
}

interface Line {
  coords: Position[];
  times: unknown[] | null;
}

/** The lines of a geometry, in order; points and polygons are not tracks. */
function linesOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  switch (g.type) {
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'GeometryCollection':
      return g.geometries.flatMap(linesOf);
    default:
      return [];
  }
}

/** The per-line time lists togeojson gives: one list for one line, a list of lists for several. */
function timeListsOf(f: Feature<Geometry | null>): unknown[][] | null {
  const cp = (f.properties as { coordinateProperties?: { times?: unknown } } | null)?.coordinateProperties;
  const times = cp?.times;
  if (!Array.isArray(times) || times.length === 0) return null;
  return times.every(Array.isArray) ? (times as unknown[][]) : [times];
}

function pairTimes(f: Feature<Geometry | null>, coords: Position[][]): { lines: Line[]; mismatched: boolean } {
  const lists = timeListsOf(f);
  if (!lists) return { lines: coords.map((c) => ({ coords: c, times: null })), mismatched: false };
  const fits = lists.length === coords.length && lists.every((l, i) => l.length === (coords[i] as Position[]).length);
  return { lines: coords.map((c, i) => ({ coords: c, times: fits ? (lists[i] as unknown[]) : null })), mismatched: !fits };
}

const goodLngLat = (p: Position): boolean => {
  const [lng, lat] = p;
  return (
    typeof lng === 'number' && typeof lat === 'number' && Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90
  );
};

const featureName = (f: Feature<Geometry | null>): string | null => {
  const n = (f.properties as { name?: unknown } | null)?.name;
  return typeof n === 'string' && n.trim() !== '' ? n.trim() : null;
};

/** Tracks of a FeatureCollection; unnamed ones take `fallbackName` (the file's base name), numbered when several. */
export function tracksFromGeoJson(fc: FeatureCollection<Geometry | null>, fallbackName: string): ToTracksResult {
  const out: ToTracksResult = { tracks: [], badPoints: 0, timesMismatched: [], timesWithoutZone: 0, othersIgnored: 0 };
  const features = fc.features.filter((f) => {
    const lines = linesOf(f.geometry);
    if (lines.length === 0) out.othersIgnored++;
    return lines.length > 0;
  });
  const unnamed = features.filter((f) => featureName(f) === null).length;
  let unnamedSeen = 0;
  for (const f of features) {
    const own = featureName(f);
    const name = own ?? (unnamed > 1 ? `${fallbackName} ${++unnamedSeen}` : fallbackName);
    const { lines, mismatched } = pairTimes(f, linesOf(f.geometry));
    if (mismatched) out.timesMismatched.push(name);
    const made: TrackPoint[][] = [];
    for (const line of lines) {
      const points: TrackPoint[] = [];
      line.coords.forEach((p, i) => {
        if (!goodLngLat(p)) {
          out.badPoints++;
          return;
        }
        let t: number | null = null;
        const raw = line.times?.[i];
        if (typeof raw === 'string') {
          const parsed = parseIsoTime(raw);
          if (parsed) {
            t = parsed.ms;
            if (!parsed.zoned) out.timesWithoutZone++;
          }
        }
        points.push([p[0] as number, p[1] as number, t]);
      });
      if (points.length > 0) made.push(points);
    }
    made.forEach((points, i) => out.tracks.push({ name: made.length > 1 ? `${name} (${i + 1}/${made.length})` : name, points }));
  }
  return out;
}
