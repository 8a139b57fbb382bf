// Our DBF reader: attribute rows with typed values, in the encoding detectEncoding chose. Text is decoded
// per C field with TextDecoder (pure-ASCII values skip the decoder); numbers are parsed from the bytes.
import { isMultiByte, wholeCharEnd } from '../encoding/char-boundary';
import { getTextDecoder, type TextDecoderLike } from '../encoding/text-decoder';
import type { AttributeValue, FieldDef, FieldType, Issue } from '../types';
import { completeRecordCount, readDbfHeader, type DbfFieldLayout } from './dbf-header';
import { parseDbfNumber } from './dbf-number';

export type DbfRow = Record<string, AttributeValue>;

export interface DbfResult {
  fields: FieldDef[];
  /** One entry per record position; null = record marked deleted ('*'), kept so row i still pairs with .shp record i. */
  rows: (DbfRow | null)[];
  /** DBF header byte 29, or null when the header could not be read. */
  ldid: number | null;
  issues: Issue[];
}

const KNOWN_TYPES = new Set<string>(['C', 'N', 'F', 'D', 'L', 'M', 'I', 'O', '@', '+', 'B', 'G', 'T', 'Y', '0']);
const DELETED = 0x2a; // '*'

/** Pure-ASCII short strings are built directly: a TextDecoder call costs more than the loop. */
function asciiOrNull(bytes: Uint8Array, start: number, end: number): string | null {
  let s = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) return null;
    s += String.fromCharCode(b);
  }
  return s;
}

function fieldNames(fields: DbfFieldLayout[], decoder: TextDecoderLike): string[] {
  const used = new Set<string>();
  return fields.map((f, i) => {
    let name = decoder.decode(f.nameBytes).trim() || `FIELD_${i + 1}`;
    const baseName = name;
    for (let k = 2; used.has(name); k++) name = `${baseName}_${k}`; // duplicate names would overwrite values
    used.add(name);
    return name;
  });
}

export function readDbf(bytes: Uint8Array, file: string, encoding: string): DbfResult {
  const issues: Issue[] = [];
  const parsed = readDbfHeader(bytes);
  if (!parsed.ok) {
    issues.push({ code: 'dbf.badHeader', severity: 'error', file, params: { reason: parsed.reason } });
    return { fields: [], rows: [], ldid: bytes.length > 29 ? (bytes[29] as number) : null, issues };
  }
  const h = parsed.header;
  const decoder = getTextDecoder(encoding) ?? (getTextDecoder('utf-8') as TextDecoderLike);
  const multiByte = isMultiByte(decoder.encoding);
  const names = fieldNames(h.fields, decoder);
  const fields: FieldDef[] = h.fields.map((f, i) => ({
    name: names[i] as string,
    type: (KNOWN_TYPES.has(f.type) ? f.type : 'C') as FieldType,
    length: f.length,
    decimals: f.decimals,
  }));

  const n = completeRecordCount(bytes, h);
  if (n < h.recordCount) {
    issues.push({ code: 'dbf.truncated', severity: 'warning', file, params: { read: n, declared: h.recordCount } });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: (DbfRow | null)[] = new Array(n);
  let deleted = 0;
  let cutCount = 0;
  let cutExample: { record: number; field: string } | null = null;
  const nf = h.fields.length;

  for (let r = 0; r < n; r++) {
    const base = h.headerLength + r * h.recordLength;
    if (bytes[base] === DELETED) {
      rows[r] = null;
      deleted++;
      continue;
    }
    const row: DbfRow = {};
    for (let k = 0; k < nf; k++) {
      const f = h.fields[k] as DbfFieldLayout;
      const start = base + f.offset;
      const end = start + f.length;
      let value: AttributeValue = null;
      switch (f.type) {
        case 'C': {
          let e = end;
          while (e > start && (bytes[e - 1] === 0x20 || bytes[e - 1] === 0)) e--;
          if (e === start) break;
          const ascii = e - start <= 64 ? asciiOrNull(bytes, start, e) : null;
          if (ascii !== null) {
            value = ascii;
            break;
          }
          if (multiByte) {
            const whole = wholeCharEnd(bytes, start, e, decoder.encoding);
            if (whole < e) {
              cutCount++;
              cutExample ??= { record: r + 1, field: names[k] as string };
              e = whole;
            }
          }
          value = e > start ? decoder.decode(bytes.subarray(start, e)) : null;
          break;
        }
        case 'N':
        case 'F':
          value = parseDbfNumber(bytes, start, end);
          break;
        case 'D':
          value = parseDate(bytes, start, end);
          break;
        case 'L': {
          const c = bytes[start];
          value = c === 0x54 || c === 0x74 || c === 0x59 || c === 0x79 ? true : c === 0x46 || c === 0x66 || c === 0x4e || c === 0x6e ? false : null;
          break;
        }
        case 'I':
        case '+':
          value = f.length === 4 ? view.getInt32(start, true) : null; // Visual FoxPro binary int32
          break;
        case 'O':
          value = f.length === 8 ? view.getFloat64(start, true) : null; // dBASE 7 binary double
          break;
        case 'B':
          // Visual FoxPro: 8-byte double; dBASE IV: a 10-character memo block number (no memo file read).
          value = f.length === 8 ? view.getFloat64(start, true) : null;
          break;
        default:
          value = null; // memo (M/G), timestamps (@, T), currency (Y): no memo file is read; left empty
      }
      row[names[k] as string] = value;
    }
    rows[r] = row;
  }

  if (deleted > 0) issues.push({ code: 'dbf.deletedRecords', severity: 'warning', file, params: { count: deleted } });
  if (cutCount > 0 && cutExample) {
    issues.push({
      code: 'dbf.truncatedText',
      severity: 'warning',
      file,
      params: { count: cutCount, record: cutExample.record, field: cutExample.field },
    });
  }
  return { fields, rows, ldid: h.ldid, issues };
}

/** D fields: 8 ASCII digits YYYYMMDD → 'YYYY-MM-DD'; blanks, zeros and impossible dates → null. */
function parseDate(bytes: Uint8Array, start: number, end: number): string | null {
  if (end - start < 8) return null;
  let s = '';
  for (let i = start; i < start + 8; i++) {
    const c = bytes[i] as number;
    if (c < 0x30 || c > 0x39) return null;
    s += String.fromCharCode(c);
  }
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (y === 0 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
