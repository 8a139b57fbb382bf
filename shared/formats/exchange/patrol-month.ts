/**
 * A month of patrols as one JSON file, for a township office to send to the county (DOMAIN: patrol forms are bound
 * by month into the 巡查台账; the county loads several townships). The file carries its format and version, the
 * office, the month, the records exactly as stored — history and deletions included, because a ledger entry is
 * evidence (append-only) — and a SHA-256 of that content (the 完整性校验值 the electronic-evidence rules ask for),
 * so a file changed on its way is refused, not loaded.
 *
 * The hash is over the UTF-8 bytes of JSON.stringify([format, version, office, month, patrols]): the values
 * JSON.parse gives back stringify to the same text (strings, finite numbers, booleans, null), so the reader
 * recomputes it from what it parsed.
 */
import { validatePatrol, type Patrol, type PatrolReason } from '../../domain/patrol/patrol-record';
import { isObject } from '../../validation/guards';
import { encodeText } from '../encoding/text-encode';

export const PATROL_MONTH_FORMAT = 'landpatrol-patrol-month';
export const PATROL_MONTH_VERSION = 1;

/** 'yyyy-MM'. */
export const isMonthKey = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);

export interface PatrolMonth {
  office: string;
  month: string;
  patrols: Patrol[];
}

interface SubtleLike {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/** Lower-case hex SHA-256 (WebCrypto: Node ≥ 20, Chromium workers and pages in a secure context). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as unknown as { crypto: { subtle: SubtleLike } }).crypto.subtle;
  const d = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const contentHash = (office: string, month: string, version: number, patrols: unknown): Promise<string> =>
  sha256Hex(encodeText(JSON.stringify([PATROL_MONTH_FORMAT, version, office, month, patrols]), 'utf-8').bytes);

/** The file's text (pretty-printed: a person may open it). */
export async function writePatrolMonth(m: PatrolMonth, exportedAt: number): Promise<string> {
  if (!isMonthKey(m.month)) throw new RangeError(`writePatrolMonth: month ${m.month} is not yyyy-MM`);
  const sha256 = await contentHash(m.office, m.month, PATROL_MONTH_VERSION, m.patrols);
  const file = {
    format: PATROL_MONTH_FORMAT,
    version: PATROL_MONTH_VERSION,
    office: m.office,
    month: m.month,
    exportedAt,
    count: m.patrols.length,
    sha256,
    patrols: m.patrols,
  };
  return JSON.stringify(file, null, 1);
}

export type PatrolMonthReason =
  | 'notJson'
  | 'notPatrolMonth'
  | 'newerVersion'
  | 'badHeader'
  /** The content's SHA-256 is not the one the file states: changed after it was written. */
  | 'hashMismatch'
  /** A record that does not validate, or needs repairs (a record we wrote never does): `index` (1-based), `number`. */
  | 'badRecord'
  /** A patrol of another month. */
  | 'outsideMonth';

export type PatrolMonthResult =
  | { ok: true; value: PatrolMonth & { exportedAt: number | null } }
  | { ok: false; reason: PatrolMonthReason; index?: number; number?: string; recordReason?: PatrolReason | 'repaired'; detail?: string };

export async function readPatrolMonth(text: string): Promise<PatrolMonthResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, reason: 'notJson', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isObject(raw) || raw.format !== PATROL_MONTH_FORMAT) return { ok: false, reason: 'notPatrolMonth' };
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version) || raw.version < 1)
    return { ok: false, reason: 'badHeader', detail: 'version' };
  if (raw.version > PATROL_MONTH_VERSION) return { ok: false, reason: 'newerVersion', detail: String(raw.version) };
  if (typeof raw.office !== 'string' || !isMonthKey(raw.month) || typeof raw.sha256 !== 'string' || !Array.isArray(raw.patrols))
    return { ok: false, reason: 'badHeader' };
  const hash = await contentHash(raw.office, raw.month, raw.version, raw.patrols);
  if (hash !== raw.sha256.toLowerCase()) return { ok: false, reason: 'hashMismatch', detail: `${raw.sha256} ≠ ${hash}` };
  const patrols: Patrol[] = [];
  for (const [i, r] of raw.patrols.entries()) {
    const v = validatePatrol(r);
    const number = isObject(r) && typeof r.number === 'string' ? r.number : undefined;
    if (!v.ok) return { ok: false, reason: 'badRecord', index: i + 1, ...(number ? { number } : {}), recordReason: v.reason };
    if (v.repaired)
      return {
        ok: false,
        reason: 'badRecord',
        index: i + 1,
        number: v.value.number,
        recordReason: 'repaired',
        detail: v.repaired.map((x) => x.path).join(', '),
      };
    if (!v.value.date.startsWith(raw.month)) return { ok: false, reason: 'outsideMonth', index: i + 1, number: v.value.number, detail: v.value.date };
    patrols.push(v.value);
  }
  return {
    ok: true,
    value: { office: raw.office, month: raw.month, patrols, exportedAt: typeof raw.exportedAt === 'number' ? raw.exportedAt : null },
  };
}
