import type { Conclusion } from '../../../shared/domain/inspection/inspection-record';
import type { InspectionStatus } from '../../../shared/domain/inspection/status';
import type { MessageKey } from '../../i18n';
import type { SourceKind } from './inspection-list.logic';

export const STATUS_KEY: Record<InspectionStatus, MessageKey> = {
  pending: 'inspectionList.status.pending',
  checked: 'inspectionList.status.checked',
  stopped: 'inspectionList.status.stopped',
  filed: 'inspectionList.status.filed',
  closed: 'inspectionList.status.closed',
};

export const CONCLUSION_KEY: Record<Conclusion | 'none', MessageKey> = {
  legal: 'inspectionList.conclusion.legal',
  illegal: 'inspectionList.conclusion.illegal',
  falseChange: 'inspectionList.conclusion.falseChange',
  other: 'inspectionList.conclusion.other',
  none: 'inspectionList.conclusion.none',
};

export const SOURCE_KEY: Record<SourceKind, MessageKey> = {
  patch: 'inspectionList.source.patch',
  patrol: 'inspectionList.source.patrol',
  tip: 'inspectionList.source.tip',
  drawn: 'inspectionList.source.drawn',
  typed: 'inspectionList.source.typed',
  survey: 'inspectionList.source.survey',
};
