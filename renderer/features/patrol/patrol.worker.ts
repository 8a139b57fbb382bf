/// <reference lib="webworker" />
/**
 * Track files and coverage off the UI thread: readTrackFile (GPX/KML/KMZ/奥维 over xmldom, never shifts a point),
 * then the route against the patrol units, which the client packed into flat arrays (prepareCells → measurePatrol:
 * geodesic metres and seconds inside each, the same code as `landpatrol coverage`). Cancel terminates the worker
 * (one per request).
 */
import { measurePatrol, prepareCells, trackLengthMetres, type PackedCells } from '../../../shared/domain/patrol/coverage';
import type { RoutePoint } from '../../../shared/domain/patrol/patrol-record';
import { readTrackFile } from '../../../shared/formats/track/read-track';
import { serveWorker } from '../../platform/worker-host';
import type { CoverageRun, PatrolProtocol } from './patrol.protocol';

/** The route's coverage and length, each segment's geodesic length worked out once for both. */
function measure(route: RoutePoint[][], cells: PackedCells): CoverageRun {
  if (route.length === 0 || cells.ids.length === 0) return { coverage: [], lengthMetres: route.reduce((s, line) => s + trackLengthMetres(line), 0) };
  const m = measurePatrol(prepareCells(cells), route);
  return { coverage: m.cells, lengthMetres: m.lengthMetres };
}

serveWorker<PatrolProtocol>({
  readTrack: (req, ctx) => {
    ctx.progress({ phase: 'read' });
    const tf = readTrackFile({ path: req.file, bytes: req.bytes });
    const route: RoutePoint[][] = tf.tracks.filter((t) => t.points.length > 0).map((t) => t.points.map((p) => [p[0], p[1], p[2]] as RoutePoint));
    ctx.progress({ phase: 'coverage' });
    return { file: tf.file, format: tf.format, datum: tf.datum, route, issues: tf.issues, ...measure(route, req.cells) };
  },
  coverage: (req, ctx) => {
    ctx.progress({ phase: 'coverage' });
    return measure(req.route, req.cells);
  },
});
