import type { ComplianceStatus } from '../../../../shared/domain/patrol/compliance';
import type { AreaKind } from '../compliance.logic';
import type { MessageKey } from '../../../i18n';

export const STATUS_KEY: Record<ComplianceStatus | 'none', MessageKey> = {
  done: 'compliance.status.done',
  open: 'compliance.status.open',
  dueSoon: 'compliance.status.dueSoon',
  overdue: 'compliance.status.overdue',
  none: 'compliance.status.none',
};

export const KIND_KEY: Record<AreaKind, MessageKey> = {
  county: 'grid.level.county',
  township: 'grid.level.township',
  village: 'grid.level.village',
  cell: 'grid.level.cell',
  patrolArea: 'compliance.kind.patrolArea',
};
