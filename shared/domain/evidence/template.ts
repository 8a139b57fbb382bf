/**
 * The office's evidence template (issue 13 item 4/6): what an office sets once and every evidence set uses — its
 * names (制图单位, the issuing organ and its seal), the stop notice's number pattern and wording, and the map sheet's
 * layout defaults. A record module: version, validator (every read), factory (every write), migrations. Stored in
 * the settings table (setting-record.ts) under EVIDENCE_TEMPLATE_KEY; a template never written reads as the defaults.
 *
 * The default wording is a conservative starting point for the commonest case (未经批准非法占用土地), citing only
 * articles of 《中华人民共和国土地管理法》 (2019 revision) whose text is stable: 第二条第三款 (no one may occupy land
 * unlawfully), 第四十四条第一款 (conversion of farmland needs approval) as the provisions breached, 第六十八条第（四）项
 * (the power to order the unlawful occupier to stop) as the basis. Offices set their own wording and citations (their
 * province's regulations, 自然资源行政处罚办法, 土地管理法实施条例): the dialog edits every paragraph.
 */
import { STANDARD_SCALES, type LegendPosition, type SheetSettings, type StandardScale } from './inputs';
import { PAPER_SIZES, type Orientation, type PaperName } from './sheet-model';
import { checkNumberPattern, formatRecordNumber, nextRecordNumber } from '../inspection/numbering';
import type { DateKey } from '../patrol/calendar';
import { isBoolean, isFiniteNumber, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import { placeholdersOf } from './text-wrap';

export const EVIDENCE_TEMPLATE_KEY = 'evidenceTemplate';

/** 1: the first stored shape. */
export const EVIDENCE_TEMPLATE_VERSION = 1;

/** The notice's paragraphs, with placeholders (NOTICE_PLACEHOLDERS) filled from the record. */
export interface NoticeWording {
  /** 违法事实: time, place, act, area. */
  facts: string;
  /** 违反的规定. */
  provisions: string;
  /** 依据. */
  basis: string;
  /** 责令 (the order to stop). */
  order: string;
  /** 救济途径 (review / litigation); '' leaves the paragraph out. */
  remedy: string;
  /** 联系人及电话 line; '' leaves it out. */
  contact: string;
}

export interface EvidenceTemplate {
  v: typeof EVIDENCE_TEMPLATE_VERSION;
  /** 制图单位 on the map sheet and the head of the 笔录 (default: the office profile's name). */
  mapUnit: string;
  /** The issuing organ (某某县自然资源局): heads the notice and signs it. */
  organ: string;
  /** The text in the seal's place (default （印章）: the paper is stamped by hand). */
  sealText: string;
  /** {county} in the number pattern: the county's short name (杏). */
  county: string;
  /** The notice's number: {county} {yyyy} {yy} and the serial as {nnn} (three digits) or {seq:N}. */
  noticeNumberPattern: string;
  wording: NoticeWording;
  /** The map sheet's layout defaults (the export dialog starts from them; 存为模板 writes them). */
  sheet: SheetSettings;
}

/** Placeholders the notice's wording may use (filled by papers.ts noticeValues). */
export const NOTICE_PLACEHOLDERS = [
  'party',
  'place',
  'date',
  'useSince',
  'use',
  'construction',
  'areaM2',
  'areaMu',
  'farmlandM2',
  'farmlandMu',
  'organ',
  'number',
] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];

export const DEFAULT_NOTICE_NUMBER_PATTERN = '{county}自然资停字〔{yyyy}〕{nnn}号';

export const DEFAULT_NOTICE_WORDING: NoticeWording = {
  facts:
    '经查，你（单位）自{useSince}起，未经批准，在{place}占用土地用于{use}，占地面积{areaM2}平方米（合{areaMu}亩），{date}现场勘测时{construction}。',
  provisions: '上述行为涉嫌违反《中华人民共和国土地管理法》第二条第三款、第四十四条第一款的规定。',
  basis: '根据《中华人民共和国土地管理法》第六十八条第（四）项的规定，',
  order: '现责令你（单位）自收到本通知书之日起立即停止上述违法行为，不得继续施工建设，听候依法处理。',
  remedy: '',
  contact: '',
};

export const DEFAULT_SHEET_SETTINGS: SheetSettings = {
  paper: 'A4',
  orientation: 'portrait',
  scale: 1000,
  title: '违法用地示意图',
  legendPosition: 'right',
  gridSpacingMm: 100,
  hiddenLayerIds: [],
  imagery: true,
};

/** The defaults, with the office's name from its profile (office-profile.ts officeName) as 制图单位 and organ. */
export function defaultEvidenceTemplate(officeName = ''): EvidenceTemplate {
  return {
    v: EVIDENCE_TEMPLATE_VERSION,
    mapUnit: officeName,
    organ: officeName,
    sealText: '（印章）',
    county: '',
    noticeNumberPattern: DEFAULT_NOTICE_NUMBER_PATTERN,
    wording: { ...DEFAULT_NOTICE_WORDING },
    sheet: { ...DEFAULT_SHEET_SETTINGS, hiddenLayerIds: [] },
  };
}

export type TemplateReason =
  | MigrationReason
  /** The number pattern has no serial, two, or an unknown placeholder. */
  | 'badNumberPattern'
  /** A paragraph uses a placeholder NOTICE_PLACEHOLDERS does not know (named in `detail`). */
  | 'unknownPlaceholder'
  | 'textTooLong';

/** Texts on one line of the papers stay short; a paragraph of the notice may be long, but not a book. */
export const MAX_LINE_CHARS = 60;
export const MAX_PARAGRAPH_CHARS = 2000;
export const GRID_SPACING_RANGE_MM = [20, 200] as const;

const PAPERS = Object.keys(PAPER_SIZES) as PaperName[];
const ORIENTATIONS: readonly Orientation[] = ['portrait', 'landscape'];
const LEGENDS: readonly LegendPosition[] = ['right', 'bottom'];

/** The pattern as numbering.ts reads it: {county} filled, {nnn} a serial of as many digits. */
function numberingPattern(pattern: string, county: string): string {
  return pattern.replace(/\{county\}/g, county.replace(/[{}]/g, '')).replace(/\{(n+)\}/g, (_m, n: string) => `{seq:${n.length}}`);
}

/** Null when the notice's number pattern can number notices, else why not. */
export const checkNoticeNumberPattern = (pattern: string): 'noSerial' | 'unknownPlaceholder' | 'twoSerials' | null =>
  checkNumberPattern(numberingPattern(pattern, ''));

/** The notice's number for `day` with serial `seq` (e.g. 杏自然资停字〔2026〕003号). */
export const formatNoticeNumber = (t: Pick<EvidenceTemplate, 'noticeNumberPattern' | 'county'>, day: DateKey, seq: number): string =>
  formatRecordNumber(numberingPattern(t.noticeNumberPattern, t.county), day, seq);

/** The next notice number for `day`, after every number already given in the pattern (serials count per year). */
export const nextNoticeNumber = (t: Pick<EvidenceTemplate, 'noticeNumberPattern' | 'county'>, day: DateKey, existing: Iterable<string>): string =>
  nextRecordNumber(numberingPattern(t.noticeNumberPattern, t.county), day, existing);

/** The placeholders of the wording that NOTICE_PLACEHOLDERS does not know, by paragraph. */
export function unknownPlaceholders(w: NoticeWording): { paragraph: keyof NoticeWording; name: string }[] {
  const out: { paragraph: keyof NoticeWording; name: string }[] = [];
  for (const k of Object.keys(w) as (keyof NoticeWording)[])
    for (const name of placeholdersOf(w[k])) if (!(NOTICE_PLACEHOLDERS as readonly string[]).includes(name)) out.push({ paragraph: k, name });
  return out;
}

function readSheet(raw: unknown, repaired: Repair[]): SheetSettings {
  const d = DEFAULT_SHEET_SETTINGS;
  const o = isObject(raw) ? raw : {};
  if (!isObject(raw)) repaired.push({ path: 'sheet', code: 'defaulted' });
  const take = <T>(key: keyof SheetSettings, good: (v: unknown) => v is T, fallback: T): T => {
    if (good(o[key])) return o[key];
    if (isObject(raw)) repaired.push({ path: `sheet.${key}`, code: 'defaulted' });
    return fallback;
  };
  const spacing = isFiniteNumber(o.gridSpacingMm) ? Math.min(GRID_SPACING_RANGE_MM[1], Math.max(GRID_SPACING_RANGE_MM[0], o.gridSpacingMm)) : null;
  if (spacing !== null && spacing !== o.gridSpacingMm) repaired.push({ path: 'sheet.gridSpacingMm', code: 'clamped' });
  return {
    paper: take('paper', (v): v is PaperName => PAPERS.includes(v as PaperName), d.paper),
    orientation: take('orientation', (v): v is Orientation => ORIENTATIONS.includes(v as Orientation), d.orientation),
    scale: take('scale', (v): v is StandardScale | 'fit' => v === 'fit' || STANDARD_SCALES.includes(v as StandardScale), d.scale),
    title: take('title', (v): v is string => isString(v) && v.trim() !== '' && [...v].length <= MAX_LINE_CHARS, d.title),
    legendPosition: take('legendPosition', (v): v is LegendPosition => LEGENDS.includes(v as LegendPosition), d.legendPosition),
    gridSpacingMm: spacing ?? take('gridSpacingMm', isFiniteNumber, d.gridSpacingMm),
    hiddenLayerIds: take('hiddenLayerIds', (v): v is string[] => Array.isArray(v) && v.every(isString), []),
    imagery: take('imagery', isBoolean, d.imagery),
  };
}

/**
 * Checks a template of the current version. What the office typed is checked strictly (the dialog says why): a
 * number pattern that cannot number, a placeholder the notice cannot fill, a text too long for its line. What was
 * stored and merely missing takes its default (repaired, named).
 */
export function validateEvidenceTemplate(raw: unknown): Validation<EvidenceTemplate, TemplateReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== EVIDENCE_TEMPLATE_VERSION) return fail('badVersion', 'v', `expected version ${EVIDENCE_TEMPLATE_VERSION}, found ${String(raw.v)}`);
  const repaired: Repair[] = [];
  const d = defaultEvidenceTemplate();
  const line = (key: 'mapUnit' | 'organ' | 'sealText' | 'county' | 'noticeNumberPattern'): string | null => {
    const v = raw[key];
    if (!isString(v)) {
      repaired.push({ path: key, code: 'defaulted' });
      return d[key];
    }
    return [...v].length > MAX_LINE_CHARS ? null : v.trim();
  };
  const values = {
    mapUnit: line('mapUnit'),
    organ: line('organ'),
    sealText: line('sealText'),
    county: line('county'),
    noticeNumberPattern: line('noticeNumberPattern'),
  };
  for (const [k, v] of Object.entries(values)) if (v === null) return fail('textTooLong', k, `at most ${MAX_LINE_CHARS} characters`);
  const pattern = values.noticeNumberPattern as string;
  const patternProblem = checkNoticeNumberPattern(pattern);
  if (patternProblem) return fail('badNumberPattern', 'noticeNumberPattern', patternProblem);
  const w = isObject(raw.wording) ? raw.wording : {};
  if (!isObject(raw.wording)) repaired.push({ path: 'wording', code: 'defaulted' });
  const wording = {} as NoticeWording;
  for (const k of Object.keys(DEFAULT_NOTICE_WORDING) as (keyof NoticeWording)[]) {
    const v = w[k];
    if (!isString(v)) {
      if (isObject(raw.wording)) repaired.push({ path: `wording.${k}`, code: 'defaulted' });
      wording[k] = DEFAULT_NOTICE_WORDING[k];
    } else if ([...v].length > MAX_PARAGRAPH_CHARS) return fail('textTooLong', `wording.${k}`, `at most ${MAX_PARAGRAPH_CHARS} characters`);
    else wording[k] = v.trim();
  }
  const unknown = unknownPlaceholders(wording)[0];
  if (unknown) return fail('unknownPlaceholder', `wording.${unknown.paragraph}`, `{${unknown.name}}`);
  return ok(
    {
      v: EVIDENCE_TEMPLATE_VERSION,
      mapUnit: values.mapUnit as string,
      organ: values.organ as string,
      sealText: values.sealText as string,
      county: values.county as string,
      noticeNumberPattern: pattern,
      wording,
      sheet: readSheet(raw.sheet, repaired),
    },
    repaired,
  );
}

export const EVIDENCE_TEMPLATE_MIGRATIONS: readonly Migration[] = [];

/** A stored template of any version, migrated then validated; none stored: the defaults with the office's name. */
export function restoreEvidenceTemplate(raw: unknown, officeName = ''): Validation<EvidenceTemplate, TemplateReason> {
  if (raw === undefined || raw === null) return ok(defaultEvidenceTemplate(officeName));
  const from = isObject(raw) && typeof raw.v === 'number' ? raw.v : NaN;
  const migrated = migrateRecord(raw, from, EVIDENCE_TEMPLATE_VERSION, EVIDENCE_TEMPLATE_MIGRATIONS);
  return migrated.ok ? validateEvidenceTemplate(migrated.value) : migrated;
}

export type EvidenceTemplateInput = Omit<EvidenceTemplate, 'v'>;

/** The template to store, or the dialog's reason (nothing repaired silently: a form sends every field). */
export function createEvidenceTemplate(input: EvidenceTemplateInput): Validation<EvidenceTemplate, TemplateReason> {
  const r = validateEvidenceTemplate({ ...input, v: EVIDENCE_TEMPLATE_VERSION });
  return r.ok ? ok(r.value) : r;
}
