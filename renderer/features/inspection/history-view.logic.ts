/**
 * A record's history (历史) as the panel shows it: each entry's who, when, kind and reason, every changed field's
 * value before → after in words, and whether the chain verifies (history.ts: ✔ with the last hash, or ✘ naming the
 * first entry that no longer holds). The record keeps the values; this only says them.
 */
import { verifyHistory, type FieldChange, type HistoryEntry, type HistoryKind } from '../../../shared/domain/inspection/history';
import { hashedState, type Inspection, type InspectionSource } from '../../../shared/domain/inspection/inspection-record';
import type { InspectionStatus } from '../../../shared/domain/inspection/status';
import type { MessageKey, Translate } from '../../i18n';
import { beijingText, inspectorsText } from './inspection-form.logic';

export interface ChangeView {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface EntryView {
  seq: number;
  at: string;
  by: string;
  kind: HistoryKind;
  kindLabel: string;
  reason: string | null;
  changes: ChangeView[];
  hash: string;
}

export const FIELD_KEYS: Record<string, MessageKey> = {
  number: 'inspection.field.number',
  taskNo: 'inspection.field.taskNo',
  source: 'inspection.field.source',
  location: 'inspection.field.location',
  inspectedAt: 'inspection.field.inspectedAt',
  inspectors: 'inspection.field.inspectors',
  party: 'inspection.field.party',
  landUse: 'inspection.field.landUse',
  useSince: 'inspection.field.useSince',
  construction: 'inspection.field.construction',
  conclusion: 'inspection.field.conclusion',
  violationTypes: 'inspection.field.violationTypes',
  approvalNo: 'inspection.field.approvalNo',
  supplyNo: 'inspection.field.supplyNo',
  stopNotice: 'inspection.field.stopNotice',
  measures: 'inspection.field.measures',
  description: 'inspection.field.description',
  geometry: 'inspection.field.geometry',
  zone: 'inspection.field.zone',
  photoHashes: 'inspection.field.photos',
  comparison: 'inspection.field.comparison',
  surveyPoints: 'inspection.field.surveyPoints',
  siteRecord: 'evidencePapers.site.title',
  status: 'inspection.field.status',
  submittedAt: 'inspection.field.submittedAt',
};

const KIND_KEYS: Record<HistoryKind, MessageKey> = {
  created: 'inspection.history.created',
  saved: 'inspection.history.saved',
  submitted: 'inspection.history.submitted',
  amended: 'inspection.history.amended',
  status: 'inspection.history.status',
};

export const statusKey = (s: InspectionStatus): MessageKey => `inspection.status.${s}` as MessageKey;

/** Long texts are cut in the history line (the record keeps them whole). */
export const HISTORY_TEXT_CHARS = 40;
const cut = (s: string) => (s.length > HISTORY_TEXT_CHARS ? `${s.slice(0, HISTORY_TEXT_CHARS)}…` : s);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A source in words: 卫片图斑 3701…（JCBH …）, 举报 12336 张三 …, 地图绘制 … */
export function sourceText(s: InspectionSource, t: Translate): string {
  switch (s.kind) {
    case 'patch':
      return t('inspection.source.patchOf', { patchNo: s.patchNo || '?' });
    case 'patrol':
      return t('inspection.source.patrolOf', { number: s.patrolNumber });
    case 'tip':
      return t('inspection.source.tipOf', {
        channel: t(`inspection.tip.channel.${s.channel}` as MessageKey),
        reporter: s.reporter || t('inspection.tip.anonymous'),
        at: s.reportedAt === null ? '—' : beijingText(s.reportedAt),
      });
    case 'survey':
      return t('inspection.source.surveyOf', { file: s.file });
    default:
      return t(`inspection.source.${s.kind}` as MessageKey);
  }
}

/** One field's value in words. */
export function describeValue(field: string, value: unknown, t: Translate): string {
  const none = t('inspection.history.none');
  if (value === null || value === undefined || value === '') return none;
  switch (field) {
    case 'inspectedAt':
    case 'submittedAt':
      return typeof value === 'number' ? beijingText(value) : none;
    case 'inspectors':
      return Array.isArray(value) && value.length > 0 ? inspectorsText(value as { name: string; certNo: string }[]) : none;
    case 'party': {
      if (!isObj(value)) return none;
      const kind = t(value.kind === 'unit' ? 'inspection.party.unit' : 'inspection.party.person');
      return [kind, value.name, value.idNo, value.contact, value.address].filter((x) => typeof x === 'string' && x !== '').join(' ');
    }
    case 'location':
      if (!isObj(value)) return none;
      return [value.township, value.village, value.place].filter((x) => typeof x === 'string' && x !== '').join(' ') || none;
    case 'construction':
      return t(`inspection.construction.${String(value)}` as MessageKey);
    case 'conclusion':
      return t(`inspection.conclusion.${String(value)}` as MessageKey);
    case 'status':
      return t(statusKey(value as InspectionStatus));
    case 'violationTypes':
      return Array.isArray(value) && value.length > 0 ? value.join('、') : none;
    case 'stopNotice':
      return isObj(value) ? t('inspection.stopNotice.text', { number: String(value.number) || '—', date: String(value.date) }) : none;
    case 'source':
      return isObj(value) ? sourceText(value as unknown as InspectionSource, t) : none;
    case 'geometry': {
      if (!isObj(value)) return none;
      const rings = value.type === 'MultiPolygon' ? (value.coordinates as unknown[][][]).flat() : (value.coordinates as unknown[][]);
      const vertices = rings.reduce((n, r) => n + Math.max(0, r.length - 1), 0);
      return t('inspection.history.geometry', { vertices });
    }
    case 'zone':
      return isObj(value) ? t('inspection.history.zone', { width: Number(value.width), zone: Number(value.zone) }) : none;
    case 'photoHashes':
      return Array.isArray(value) ? t('inspection.history.photos', { count: value.length }) : none;
    case 'comparison':
      return t('inspection.history.comparison');
    case 'surveyPoints':
      return Array.isArray(value) ? t('inspection.history.surveyPoints', { count: value.length }) : none;
    case 'siteRecord':
      return isObj(value)
        ? t('evidencePapers.site.history', {
            from: typeof value.startedAt === 'number' ? beijingText(value.startedAt) : '—',
            to: typeof value.endedAt === 'number' ? beijingText(value.endedAt) : '—',
            witnesses: Array.isArray(value.witnesses) ? value.witnesses.length : 0,
          })
        : none;
    default:
      return cut(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

export function changeView(c: FieldChange, t: Translate): ChangeView {
  const key = FIELD_KEYS[c.field];
  return { field: c.field, label: key ? t(key) : c.field, before: describeValue(c.field, c.before, t), after: describeValue(c.field, c.after, t) };
}

/** The history newest first. */
export function historyView(history: readonly HistoryEntry[], t: Translate): EntryView[] {
  return [...history].reverse().map((e) => ({
    seq: e.seq,
    at: beijingText(e.at),
    by: e.by,
    kind: e.kind,
    kindLabel: t(KIND_KEYS[e.kind]),
    reason: e.reason,
    changes: e.changes.map((c) => changeView(c, t)),
    hash: e.hash,
  }));
}

/** The chain check as one line: ✔ 完整性校验通过 (N 条, last hash) or ✘ naming the first broken entry and why. */
export function chainLine(r: Inspection, t: Translate): { ok: boolean; text: string } {
  const check = verifyHistory(r.history, hashedState(r));
  if (check.ok) return { ok: true, text: t('inspection.chain.ok', { entries: check.entries, hash: check.lastHash }) };
  return { ok: false, text: t('inspection.chain.broken', { seq: check.seq, reason: t(`inspection.chain.reason.${check.reason}` as MessageKey) }) };
}

/** The amendment dialog's list of what changes: 建设情况：在建 → 建成. */
export const changesText = (changes: readonly FieldChange[], t: Translate): string[] =>
  changes.map((c) => {
    const v = changeView(c, t);
    return `${v.label}：${v.before} → ${v.after}`;
  });
