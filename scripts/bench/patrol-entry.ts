/**
 * The patrol benchmark's code under test, bundled by scripts/bench/patrol.mjs with esbuild and run in a Node
 * worker thread (the app runs the same shared code in a Web Worker): track coverage over cells as the patrol
 * import does it (read the GPX → prepare the cells → measure), and a year's compliance as the compliance view does.
 */
import { parentPort } from 'node:worker_threads';
import { computeCompliance, type ComplianceArea, type CompliancePatrol, type OfficerRole } from '../../shared/domain/patrol/compliance';
import { patrolCoverage, prepareCells, type PackedCells } from '../../shared/domain/patrol/coverage';
// For the calling side (scripts/bench/patrol.mjs packs the cells as the app's patrol client does).
export { packCells, packedCellsTransfer } from '../../shared/domain/patrol/coverage';
import { DEFAULT_RULES } from '../../shared/domain/patrol/rule';
import type { DateKey } from '../../shared/domain/patrol/calendar';
import { readTrackFile } from '../../shared/formats/track/read-track';

interface CoverageJob {
  kind: 'coverage';
  cells: PackedCells;
  gpx: Uint8Array;
}
interface ComplianceJob {
  kind: 'compliance';
  year: {
    from: DateKey;
    to: DateKey;
    asOf: DateKey;
    roles: Record<string, OfficerRole>;
    areas: ComplianceArea[];
    patrols: CompliancePatrol[];
  };
}

function coverage(job: CoverageJob) {
  const cells = job.cells;
  const t0 = performance.now();
  const file = readTrackFile({ path: 'track.gpx', bytes: job.gpx });
  const t1 = performance.now();
  const prepared = prepareCells(cells);
  const t2 = performance.now();
  const result = patrolCoverage(
    prepared,
    file.tracks.map((t) => t.points),
  );
  const t3 = performance.now();
  return { points: file.tracks.reduce((n, t) => n + t.points.length, 0), cells: result, phases: { readMs: t1 - t0, prepareMs: t2 - t1, measureMs: t3 - t2 } };
}

function compliance(job: ComplianceJob) {
  const y = job.year;
  const t0 = performance.now();
  const results = computeCompliance({
    from: y.from,
    to: y.to,
    asOf: y.asOf,
    areas: y.areas,
    rules: DEFAULT_RULES,
    patrols: y.patrols,
    roleOf: (o) => y.roles[o.name] ?? null,
    // As the compliance worker calls it (features/compliance/compliance.worker.ts): sums and statuses only.
    windows: false,
  });
  const ms = performance.now() - t0;
  const done = results.reduce((n, r) => n + r.rules.reduce((m, x) => m + x.done, 0), 0);
  const windowsMet = results.reduce((n, r) => n + r.rules.reduce((m, x) => m + x.windowsMet, 0), 0);
  const overdueSites = results.filter((r) => r.stopNotice?.overdue).length;
  return { ms, areas: results.length, done, windowsMet, overdueSites };
}

parentPort?.on('message', (job: CoverageJob | ComplianceJob) => {
  parentPort?.postMessage(job.kind === 'coverage' ? coverage(job) : compliance(job));
});
