/** How the tasks feature says a refusal: the repositories' and the drafts' named reasons, in the user's language. */
import type { PatrolAreaKind } from '../../../../shared/domain/patrol/patrol-area-record';
import type { MessageKey, Translate } from '../../../i18n';

const REASONS: Record<string, MessageKey> = {
  name: 'tasks.problem.name',
  missingName: 'tasks.problem.name',
  geometry: 'tasks.problem.geometry',
  badGeometry: 'tasks.problem.geometry',
  line: 'tasks.problem.line',
  width: 'tasks.problem.width',
  badCorridor: 'tasks.problem.width',
  centre: 'tasks.problem.centre',
  radius: 'tasks.problem.radius',
  badSite: 'tasks.problem.radius',
  noticeDate: 'tasks.problem.noticeDate',
  closedDate: 'tasks.problem.closedDate',
  badStopNotice: 'tasks.problem.closedDate',
  badKeyAreaKind: 'tasks.problem.keyAreaKind',
  notFound: 'tasks.problem.notFound',
  tooShort: 'tasks.problem.tooShort',
  badWidth: 'tasks.problem.width',
  empty: 'tasks.problem.empty',
  missing: 'tasks.problem.line',
};

export function reasonText(t: Translate, reason: string): string {
  const key = REASONS[reason];
  return key ? t(key) : t('tasks.problem.other', { reason });
}

/** Each patrol area kind's name. */
export const KIND_KEYS: Record<PatrolAreaKind, MessageKey> = {
  keyArea: 'tasks.kind.keyArea',
  corridor: 'tasks.kind.corridor',
  stopNoticeSite: 'tasks.kind.stopNoticeSite',
  other: 'tasks.kind.other',
};
