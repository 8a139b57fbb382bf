/** The 核查 tab's panel id and the map layers' ids (one per status, and the open record's outline). */
import { INSPECTION_STATUSES, type InspectionStatus } from '../../../shared/domain/inspection/status';

export const LIST_PANEL_ID = 'inspectionList';
export const statusLayerId = (s: InspectionStatus) => `inspection-list-${s}`;
export const STATUS_LAYER_IDS: readonly string[] = INSPECTION_STATUSES.map(statusLayerId);
export const OPEN_LAYER_ID = 'inspection-list-open';
