/**
 * An inspection's life (DOMAIN "Inspections"): 待核查 → 已核查 → 已制止 → 已立案 → 已结案. The moves an office
 * makes, and no others: a checked plot that is legal or a false change (伪变化) is closed at once; an illegal one is
 * stopped (责令停止违法行为通知书) and/or filed as a case (立案), and a case is closed (结案). Nothing goes back: a
 * mistake is corrected by an amendment with a reason, which the history keeps.
 */
export const INSPECTION_STATUSES = ['pending', 'checked', 'stopped', 'filed', 'closed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

export const isInspectionStatus = (v: unknown): v is InspectionStatus => INSPECTION_STATUSES.includes(v as InspectionStatus);

const MOVES: Record<InspectionStatus, readonly InspectionStatus[]> = {
  pending: ['checked'],
  checked: ['stopped', 'filed', 'closed'],
  stopped: ['filed', 'closed'],
  filed: ['closed'],
  closed: [],
};

/** The statuses a record in `from` may move to. */
export const nextStatuses = (from: InspectionStatus): readonly InspectionStatus[] => MOVES[from];

export const canMove = (from: InspectionStatus, to: InspectionStatus): boolean => MOVES[from].includes(to);
