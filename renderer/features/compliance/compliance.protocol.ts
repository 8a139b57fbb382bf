/**
 * The compliance worker's messages: the UI asks for a period (as of a day) and the version of the stored data it
 * has seen; the worker reads the grid, the patrols and the rules from IndexedDB itself (a year's patrols never
 * cross the thread boundary), runs computeCompliance, and answers with each area's summary (its rules' figures and
 * statuses without their windows, and its stop-notice follow-up): what the table, the map and the legend show.
 */
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import type { AreaComplianceSummary } from './compliance.logic';

export interface ComputeRequest {
  from: DateKey;
  to: DateKey;
  asOf: DateKey;
  /** Bumped by the UI whenever its grid, patrols or rules change: the worker reads the database again then. */
  dataVersion: number;
}

export interface ComputeResult {
  results: AreaComplianceSummary[];
  /** computeCompliance's own time in the worker (ms). */
  computeMs: number;
}

export type ComplianceProtocol = {
  compute: { request: ComputeRequest; result: ComputeResult };
};
