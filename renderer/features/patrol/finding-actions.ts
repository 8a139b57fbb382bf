/**
 * The "转为核查记录" hook (issue 10 item 5 → issue 11): what a patrol's finding can be turned into. The inspections
 * feature registers an action here from its own module (importing this feature's index.ts):
 *
 * ```ts
 * import { registerPatrolFindingAction } from '../patrol';
 * registerPatrolFindingAction({
 *   id: 'inspection.fromPatrol',
 *   labelKey: 'inspection.fromPatrol',
 *   perform: (finding, ctx) => openNewInspection({ areaIds: finding.areaIds, text: finding.findings, from: finding.patrolId }),
 * });
 * ```
 *
 * The form shows one button per registered action for a saved patrol; with none registered it shows 转为核查记录
 * disabled, saying the inspections feature is not installed. A finding is read from the stored record, so what
 * the inspection starts from is what the ledger holds.
 */
import type { MessageKey } from '../../i18n';
import type { PatrolOfficer, RoutePoint } from '../../../shared/domain/patrol/patrol-record';
import type { CommandContext } from '../../ui/contributions';
import { createStore } from '../../ui/store';

/** What an inspection is started from: the stored patrol's finding and where it was. */
export interface PatrolFinding {
  patrolId: string;
  /** XC + yyyyMMdd + serial. */
  number: string;
  startedAt: number;
  officers: readonly PatrolOfficer[];
  areaIds: readonly string[];
  /** 巡查基本情况记录. */
  findings: string;
  /** 制止措施及效果. */
  measures: string;
  route: readonly (readonly RoutePoint[])[];
}

export interface PatrolFindingAction {
  /** `<feature>.<verb>`, e.g. 'inspection.fromPatrol'. */
  id: string;
  labelKey: MessageKey;
  perform(finding: PatrolFinding, ctx: CommandContext): void | Promise<void>;
}

/** The registered actions (a store: the form updates when a feature registers late). */
export const patrolFindingActions = createStore<readonly PatrolFindingAction[]>([]);

/** Registers an action; the returned function removes it. An id registered again replaces the earlier one. */
export function registerPatrolFindingAction(action: PatrolFindingAction): () => void {
  patrolFindingActions.set((list) => [...list.filter((a) => a.id !== action.id), action]);
  return () => patrolFindingActions.set((list) => list.filter((a) => a !== action));
}
