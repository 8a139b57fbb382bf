/**
 * A patrol's history (修改记录) as the form shows it: who, when, what kind of change, and each changed field's value
 * before → after in words. The record keeps the values themselves (patrol-record.ts); this only says them.
 */
import type { FieldChange, HistoryField, PatrolHistoryEntry } from '../../../shared/domain/patrol/patrol-record';
import { isAttachment, isOfficer, isRoutePoint } from '../../../shared/domain/patrol/patrol-record';
import type { MessageKey, Translate } from '../../i18n';
import { beijingText, officersText } from './patrol.logic';

export interface HistoryChangeView {
  field: HistoryField;
  label: string;
  before: string;
  after: string;
}

export interface HistoryEntryView {
  at: string;
  by: string;
  kind: PatrolHistoryEntry['kind'];
  kindLabel: string;
  changes: HistoryChangeView[];
}

const FIELD_KEYS: Record<HistoryField, MessageKey> = {
  startedAt: 'patrol.field.startedAt',
  endedAt: 'patrol.field.endedAt',
  officers: 'patrol.field.officers',
  areaIds: 'patrol.field.areas',
  route: 'patrol.field.route',
  routeSource: 'patrol.field.routeSource',
  findings: 'patrol.field.findings',
  measures: 'patrol.field.measures',
  notes: 'patrol.field.notes',
  suspect: 'patrol.field.suspect',
  opinion: 'patrol.field.opinion',
  review: 'patrol.field.review',
  followUp: 'patrol.field.followUp',
  nothingFound: 'patrol.field.nothingFound',
  attachments: 'patrol.field.attachments',
  deletedAt: 'patrol.field.deletedAt',
};

const KIND_KEYS: Record<PatrolHistoryEntry['kind'], MessageKey> = {
  created: 'patrol.history.created',
  amended: 'patrol.history.amended',
  deleted: 'patrol.history.deleted',
  restored: 'patrol.history.restored',
};

/** Long texts are cut for the history line (the record keeps them whole). */
export const HISTORY_TEXT_CHARS = 40;

const cut = (s: string) => (s.length > HISTORY_TEXT_CHARS ? `${s.slice(0, HISTORY_TEXT_CHARS)}…` : s);

/** One field's value in words; `areaName` names an area id (the grid's current name, else the id). */
export function describeValue(field: HistoryField, value: unknown, t: Translate, areaName: (id: string) => string): string {
  const none = t('patrol.history.none');
  if (value === null || value === undefined) return none;
  switch (field) {
    case 'startedAt':
    case 'endedAt':
    case 'deletedAt':
      return typeof value === 'number' ? beijingText(value) : none;
    case 'officers':
      return Array.isArray(value) && value.length > 0 ? officersText(value.filter(isOfficer)) : none;
    case 'areaIds':
      return Array.isArray(value) && value.length > 0 ? value.map((id) => areaName(String(id))).join('、') : none;
    case 'route': {
      if (!Array.isArray(value) || value.length === 0) return none;
      const points = value.reduce((n: number, line: unknown) => n + (Array.isArray(line) ? line.filter(isRoutePoint).length : 0), 0);
      return t('patrol.history.routeValue', { lines: value.length, points });
    }
    case 'routeSource': {
      const s = value as { kind?: string; file?: string; datum?: string };
      if (s.kind === 'drawn') return t('patrol.route.drawn');
      return `${s.file ?? ''}（${t(s.datum === 'gcj02' ? 'patrol.datum.gcj02' : s.datum === 'wgs84' ? 'patrol.datum.wgs84' : 'patrol.datum.unknown')}）`;
    }
    case 'nothingFound':
      return t(value === true ? 'patrol.history.yes' : 'patrol.history.no');
    case 'attachments':
      return Array.isArray(value) && value.length > 0
        ? value
            .filter(isAttachment)
            .map((a) => a.name)
            .join('、')
        : none;
    default:
      return typeof value === 'string' && value !== '' ? cut(value) : none;
  }
}

const changeView = (c: FieldChange, t: Translate, areaName: (id: string) => string): HistoryChangeView => ({
  field: c.field,
  label: t(FIELD_KEYS[c.field]),
  before: describeValue(c.field, c.before, t, areaName),
  after: describeValue(c.field, c.after, t, areaName),
});

/** Newest first: what an officer checking "who changed this" reads first. */
export function historyView(history: readonly PatrolHistoryEntry[], t: Translate, areaName: (id: string) => string): HistoryEntryView[] {
  return [...history]
    .sort((a, b) => b.at - a.at)
    .map((h) => ({
      at: beijingText(h.at),
      by: h.by,
      kind: h.kind,
      kindLabel: t(KIND_KEYS[h.kind]),
      changes: h.kind === 'created' ? [] : h.change.map((c) => changeView(c, t, areaName)),
    }));
}
