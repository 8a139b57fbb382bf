/**
 * The office profile (setting 'officeProfile'): who this workstation belongs to and when its monthly report is due —
 * the office's name as the ledger's title prints it (某某镇国土所), the officer using this machine (named in the
 * histories of the records they edit and as 填报人), the report's due day and how many days before it the app reminds,
 * and the months whose report was marked 已报送.
 *
 * A record module: version, validator (every read), factory (every write), migrations. The value is stored in the
 * settings table (setting-record.ts) under OFFICE_PROFILE_KEY.
 */
import { DEFAULT_REMIND_DAYS_BEFORE, DEFAULT_REPORT_DUE_DAY } from '../patrol/report-due';
import { isFiniteNumber, isObject, isString } from '../../validation/guards';
import { migrateRecord, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';

export const OFFICE_PROFILE_KEY = 'officeProfile';

/** 1: the first stored shape. */
export const OFFICE_PROFILE_VERSION = 1;

/** A due day up to the 28th, so every month has it (February too); the county's rule is the 25th. */
export const MAX_DUE_DAY = 28;
/** Texts are a line on a form: kept short enough to print in the title. */
export const MAX_NAME_LENGTH = 40;

export interface OfficeProfile {
  v: typeof OFFICE_PROFILE_VERSION;
  /** 某某镇国土所: printed in the title of the ledger and the reports. '' until set. */
  officeName: string;
  /** The officer using this machine: the editor histories name, 填报人. '' until set. */
  userName: string;
  /** Day of the month (1–28) the monthly report is due. Default 25. */
  dueDay: number;
  /** Remind from this many days before the due day (0–27). Default 5. */
  remindDaysBefore: number;
  /** Months whose report was marked submitted (已报送), 'YYYY-MM', sorted, no repeats. */
  submittedMonths: string[];
}

export type OfficeProfileReason = MigrationReason | 'badDueDay' | 'badRemindDays' | 'nameTooLong';

export const OFFICE_PROFILE_MIGRATIONS: readonly Migration[] = [];

export const DEFAULT_OFFICE_PROFILE: OfficeProfile = {
  v: OFFICE_PROFILE_VERSION,
  officeName: '',
  userName: '',
  dueDay: DEFAULT_REPORT_DUE_DAY,
  remindDaysBefore: DEFAULT_REMIND_DAYS_BEFORE,
  submittedMonths: [],
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const isWhole = (v: unknown, min: number, max: number): v is number => isFiniteNumber(v) && Number.isInteger(v) && v >= min && v <= max;

/**
 * Checks a profile of the current version. What the user typed is checked strictly (the form says why): a due day
 * outside 1–28, a reminder outside 0–27 days, a name over 40 characters. What was stored is kept as far as it is
 * good: missing texts become '', a missing due day or reminder takes its default, bad months are dropped (repaired).
 */
export function validateOfficeProfile(raw: unknown): Validation<OfficeProfile, OfficeProfileReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== OFFICE_PROFILE_VERSION) return fail('badVersion', 'v', `expected version ${OFFICE_PROFILE_VERSION}, found ${String(raw.v)}`);
  const repaired: Repair[] = [];
  const text = (key: 'officeName' | 'userName'): string | null => {
    const v = raw[key];
    if (v === undefined || !isString(v)) {
      repaired.push({ path: key, code: 'defaulted' });
      return '';
    }
    const t = v.trim();
    return [...t].length > MAX_NAME_LENGTH ? null : t;
  };
  const officeName = text('officeName');
  if (officeName === null) return fail('nameTooLong', 'officeName', `at most ${MAX_NAME_LENGTH} characters`);
  const userName = text('userName');
  if (userName === null) return fail('nameTooLong', 'userName', `at most ${MAX_NAME_LENGTH} characters`);
  let dueDay = DEFAULT_REPORT_DUE_DAY;
  if (raw.dueDay === undefined) repaired.push({ path: 'dueDay', code: 'defaulted' });
  else if (isWhole(raw.dueDay, 1, MAX_DUE_DAY)) dueDay = raw.dueDay;
  else return fail('badDueDay', 'dueDay', `a whole day 1–${MAX_DUE_DAY}`);
  let remindDaysBefore = DEFAULT_REMIND_DAYS_BEFORE;
  if (raw.remindDaysBefore === undefined) repaired.push({ path: 'remindDaysBefore', code: 'defaulted' });
  else if (isWhole(raw.remindDaysBefore, 0, MAX_DUE_DAY - 1)) remindDaysBefore = raw.remindDaysBefore;
  else return fail('badRemindDays', 'remindDaysBefore', `a whole number of days 0–${MAX_DUE_DAY - 1}`);
  let submittedMonths: string[] = [];
  if (!Array.isArray(raw.submittedMonths)) repaired.push({ path: 'submittedMonths', code: 'defaulted' });
  else {
    const good = raw.submittedMonths.filter((m): m is string => isString(m) && MONTH.test(m));
    submittedMonths = [...new Set(good)].sort();
    if (submittedMonths.length !== raw.submittedMonths.length) repaired.push({ path: 'submittedMonths', code: 'filtered' });
  }
  return ok({ v: OFFICE_PROFILE_VERSION, officeName, userName, dueDay, remindDaysBefore, submittedMonths }, repaired);
}

/** A stored profile of any version, migrated then validated; a profile never written reads as the defaults. */
export function restoreOfficeProfile(raw: unknown): Validation<OfficeProfile, OfficeProfileReason> {
  if (raw === undefined || raw === null) return ok(DEFAULT_OFFICE_PROFILE);
  const from = isObject(raw) && typeof raw.v === 'number' ? raw.v : NaN;
  const migrated = migrateRecord(raw, from, OFFICE_PROFILE_VERSION, OFFICE_PROFILE_MIGRATIONS);
  return migrated.ok ? validateOfficeProfile(migrated.value) : migrated;
}

export type OfficeProfileInput = Omit<OfficeProfile, 'v'>;

/** The profile to store, or the form's reason. */
export function createOfficeProfile(input: OfficeProfileInput): Validation<OfficeProfile, OfficeProfileReason> {
  const r = validateOfficeProfile({ ...input, v: OFFICE_PROFILE_VERSION });
  return r.ok ? ok(r.value) : r;
}

/** The profile with a month marked submitted (已报送) or not. */
export function markSubmitted(p: OfficeProfile, month: string, submitted: boolean): OfficeProfile {
  const rest = p.submittedMonths.filter((m) => m !== month);
  return { ...p, submittedMonths: submitted ? [...rest, month].sort() : rest };
}

/** The name histories give the user: the profile's, else '本机用户' (this machine's user) until one is set. */
export const DEFAULT_USER_NAME = '本机用户';
export const editorNameOf = (p: OfficeProfile): string => p.userName || DEFAULT_USER_NAME;
