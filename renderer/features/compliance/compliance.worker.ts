/// <reference lib="webworker" />
/**
 * Compliance off the UI thread (README Decision on compliance): a year over 5,000 cells and ten thousand patrols
 * takes computeCompliance 100–200 ms on this machine, and copying that many patrols to a worker would cost the UI
 * thread as much again, so the worker reads the stored records itself (through renderer/db, every record restored)
 * and keeps them until the UI says its data changed. Only the per-area summaries go back.
 */
import type { GridArea } from '../../../shared/domain/grid/area-record';
import { computeCompliance } from '../../../shared/domain/patrol/compliance';
import type { Patrol } from '../../../shared/domain/patrol/patrol-record';
import type { PatrolRule } from '../../../shared/domain/patrol/rule';
import { listGridAreas, listPatrolAreas, listPatrolRules, listPatrols } from '../../db';
import { serveWorker } from '../../platform/worker-host';
import { complianceAreasOf, officerRolesOf, summarizeCompliance, type PatrolAreaInput } from './compliance.logic';
import type { ComplianceProtocol } from './compliance.protocol';

interface Held {
  version: number;
  grid: GridArea[];
  patrols: Patrol[];
  rules: PatrolRule[];
  /** The tasks feature's patrol areas (not deleted), read here beside the grid. */
  patrolAreas: PatrolAreaInput[];
}
let held: Promise<Held> | null = null;
let heldVersion = -1;

async function read(version: number): Promise<Held> {
  const [grid, patrols, rules, patrolAreas] = await Promise.all([listGridAreas(), listPatrols(), listPatrolRules(), listPatrolAreas()]);
  return { version, grid, patrols, rules, patrolAreas: patrolAreas.filter((a) => a.deletedAt === null) };
}

serveWorker<ComplianceProtocol>({
  compute: async (req) => {
    if (!held || heldVersion !== req.dataVersion) {
      heldVersion = req.dataVersion;
      held = read(req.dataVersion);
    }
    const data = await held;
    const { areas } = complianceAreasOf(data.grid, data.patrolAreas);
    const t0 = performance.now();
    const results = computeCompliance({
      from: req.from,
      to: req.to,
      asOf: req.asOf,
      areas,
      rules: data.rules,
      patrols: data.patrols,
      roleOf: officerRolesOf(data.grid),
      // The table and the map need each rule's sums and status, not its windows.
      windows: false,
    });
    const computeMs = performance.now() - t0;
    return { results: summarizeCompliance(results), computeMs };
  },
});
