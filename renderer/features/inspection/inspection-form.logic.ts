/**
 * The 核查记录 form as data (issue 11 items 1 and 5): the editable draft of a record's own fields (the sections own
 * geometry, photos and the comparison), the patch a save stores, the form's own checks before the record's
 * (a time that does not parse, a stop notice without its date), each issue as a sentence next to its field, and
 * what changed between the stored record and the draft (the amendment dialog names those fields).
 */
import { isDateKey, daysInMonth, type DateKey } from '../../../shared/domain/patrol/calendar';
import type { FormIssue } from '../../../shared/domain/inspection/form';
import { diffFields, type FieldChange } from '../../../shared/domain/inspection/history';
import type {
  ConstructionState,
  Conclusion,
  Inspection,
  InspectionContent,
  InspectionLocation,
  InspectionPatch,
  Inspector,
  Party,
  ViolationType,
} from '../../../shared/domain/inspection/inspection-record';
import { CONTENT_FIELDS } from '../../../shared/domain/inspection/inspection-record';
import type { MessageKey, Translate } from '../../i18n';

const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → 'yyyy-MM-ddTHH:mm' in Beijing time (a datetime-local input's value). */
export function beijingInputText(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** 'yyyy-MM-ddTHH:mm[:ss]' read as Beijing time → epoch ms; null for anything else. */
export function parseBeijingInput(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET_MS;
}

/** '2026-04-20 08:30' (Beijing). */
export const beijingText = (ms: number): string => beijingInputText(ms).replace('T', ' ');

/** What the form edits: the record's own fields, times as the inputs hold them. */
export interface InspectionDraft {
  taskNo: string;
  location: InspectionLocation;
  /** datetime-local text, Beijing time; '' not yet on site. */
  inspectedAtText: string;
  inspectors: Inspector[];
  /** Always present in the form; stored as null while every field of it is empty. */
  party: Party;
  landUse: string;
  useSince: DateKey | null;
  construction: ConstructionState | null;
  conclusion: Conclusion | null;
  violationTypes: ViolationType[];
  approvalNo: string;
  supplyNo: string;
  /** 已下达责令停止违法行为通知书. */
  stopIssued: boolean;
  stopNumber: string;
  stopDate: DateKey | null;
  measures: string;
  description: string;
}

const EMPTY_PARTY: Party = { kind: 'person', name: '', idNo: '', contact: '', address: '' };

export function draftOf(r: InspectionContent): InspectionDraft {
  return {
    taskNo: r.taskNo,
    location: { ...r.location },
    inspectedAtText: r.inspectedAt === null ? '' : beijingInputText(r.inspectedAt),
    // The form offers at least two inspector rows: a record needs two.
    inspectors: withTwoRows(r.inspectors.map((i) => ({ ...i }))),
    party: r.party ? { ...r.party } : { ...EMPTY_PARTY },
    landUse: r.landUse,
    useSince: r.useSince,
    construction: r.construction,
    conclusion: r.conclusion,
    violationTypes: [...r.violationTypes],
    approvalNo: r.approvalNo,
    supplyNo: r.supplyNo,
    stopIssued: r.stopNotice !== null,
    stopNumber: r.stopNotice?.number ?? '',
    stopDate: r.stopNotice?.date ?? null,
    measures: r.measures,
    description: r.description,
  };
}

const partyEmpty = (p: Party) => p.name.trim() === '' && p.idNo.trim() === '' && p.contact.trim() === '' && p.address.trim() === '';

/** The record's fields that are not the form's own (the sections', the numbering's, the start's). */
const NOT_THE_FORMS = ['number', 'source', 'geometry', 'zone', 'photoHashes', 'comparison', 'surveyPoints', 'siteRecord'] as const;
type DraftField = Exclude<(typeof CONTENT_FIELDS)[number], (typeof NOT_THE_FORMS)[number]>;

/** The fields the form writes: the record's content fields (CONTENT_FIELDS, in their order) but the ones above. */
export const DRAFT_FIELDS: readonly DraftField[] = CONTENT_FIELDS.filter((f): f is DraftField => !(NOT_THE_FORMS as readonly string[]).includes(f));

/** The form's own problems, before the record's rules: what would not store as typed. */
export function draftIssues(d: InspectionDraft): FormIssue[] {
  const out: FormIssue[] = [];
  if (d.inspectedAtText.trim() !== '' && parseBeijingInput(d.inspectedAtText) === null)
    out.push({ field: 'inspectedAt', code: 'required', severity: 'error' });
  if (d.stopIssued && (d.stopDate === null || !isDateKey(d.stopDate))) out.push({ field: 'stopNotice.date', code: 'required', severity: 'error' });
  return out;
}

/** The patch a save stores (trimmed texts; blank inspector rows dropped; an empty party is none; the violation types
 *  only with 违法违规). Call it only when draftIssues is empty. */
export function patchOf(d: InspectionDraft): InspectionPatch {
  const party: Party = {
    kind: d.party.kind,
    name: d.party.name.trim(),
    idNo: d.party.idNo.trim().toUpperCase(),
    contact: d.party.contact.trim(),
    address: d.party.address.trim(),
  };
  return {
    taskNo: d.taskNo.trim(),
    location: { township: d.location.township.trim(), village: d.location.village.trim(), areaId: d.location.areaId, place: d.location.place.trim() },
    inspectedAt: d.inspectedAtText.trim() === '' ? null : parseBeijingInput(d.inspectedAtText),
    inspectors: d.inspectors.map((i) => ({ name: i.name.trim(), certNo: i.certNo.trim() })).filter((i) => i.name !== '' || i.certNo !== ''),
    party: partyEmpty(party) ? null : party,
    landUse: d.landUse.trim(),
    useSince: d.useSince,
    construction: d.construction,
    conclusion: d.conclusion,
    violationTypes: d.conclusion === 'illegal' ? [...d.violationTypes] : [],
    approvalNo: d.approvalNo.trim(),
    supplyNo: d.supplyNo.trim(),
    stopNotice: d.stopIssued && d.stopDate ? { number: d.stopNumber.trim(), date: d.stopDate } : null,
    measures: d.measures.trim(),
    description: d.description.trim(),
  };
}

/** The fields a save of this draft would change in the stored record ([]: nothing to save). */
export function draftChanges(stored: Inspection, d: InspectionDraft): FieldChange[] {
  if (draftIssues(d).length > 0) return [{ field: 'draft', before: null, after: null }];
  const next = { ...stored, ...patchOf(d) };
  return diffFields(stored as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>, DRAFT_FIELDS);
}

export const isDraftDirty = (stored: Inspection, d: InspectionDraft): boolean => draftChanges(stored, d).length > 0;

/** The message key of an issue (its code's sentence; an ID number's reason has its own). */
export const issueKey = (i: FormIssue): MessageKey => `inspection.issue.${i.code}` as MessageKey;

/**
 * Where the form shows an issue: its field's place. 'inspectors.1.certNo' shows at that inspector's row,
 * 'inspectors.1' (the same person twice) at that row, 'inspectors' at the group.
 */
export function issueSlot(field: string): string {
  const m = /^inspectors\.(\d+)(?:\.certNo)?$/.exec(field);
  return m ? `inspectors.${m[1]}` : field;
}

/** The issues as sentences by the form's slot (several at one slot are joined). */
export function issueMessages(issues: readonly FormIssue[], t: Translate): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) {
    const slot = issueSlot(i.field);
    const text = t(issueKey(i));
    out.set(slot, out.has(slot) ? `${out.get(slot)}；${text}` : text);
  }
  return out;
}

/** The form's field order, for focusing the first issue (the order the officer meets the fields in). */
export const FORM_ORDER = [
  'number',
  'taskNo',
  'location.township',
  'location.village',
  'location.place',
  'inspectedAt',
  'inspectors',
  'party.name',
  'party.idNo',
  'landUse',
  'useSince',
  'construction',
  'conclusion',
  'violationTypes',
  'stopNotice.number',
  'stopNotice.date',
  'description',
] as const;

/** The slot of the issue to focus first: the earliest in the form's order. */
export function firstIssueSlot(issues: readonly FormIssue[]): string | null {
  if (issues.length === 0) return null;
  const rank = (slot: string) => {
    const base = slot.startsWith('inspectors.') ? 'inspectors' : slot;
    const i = (FORM_ORDER as readonly string[]).indexOf(base);
    return (i < 0 ? FORM_ORDER.length : i) + (slot.startsWith('inspectors.') ? 0.5 + Number(slot.split('.')[1]) / 100 : 0);
  };
  return issues.map((i) => issueSlot(i.field)).sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** Inspectors as officers name them: 张三（37030119…）、李四. */
export const inspectorsText = (list: readonly Inspector[]): string => list.map((i) => (i.certNo ? `${i.name}（${i.certNo}）` : i.name)).join('、');

/** Two empty rows more when fewer than two (the form shows at least two rows). */
export function withTwoRows(list: readonly Inspector[]): Inspector[] {
  const out = [...list];
  while (out.length < 2) out.push({ name: '', certNo: '' });
  return out;
}
