// Our DBF writer (dBASE III, as shapefiles use it; the layout dbf-header.ts reads): version 0x03, the date, the
// record count, header and record lengths, byte 29 the LDID (0x4D = GBK/cp936, 0x00 = none: UTF-8 is said by the
// .cpg, as GDAL writes it), 32-byte descriptors, 0x0D, records (a blank deletion flag, then the fields), 0x1A.
// Only C (text, left-aligned, blank-padded) and N (numbers, right-aligned) are written: what every reader takes.
// Widths come from the data: the longest encoded value (1…254 bytes for C; N up to 20 characters).
// Field names are cut to 10 bytes in the table's encoding (a GBK 名称 is 4 bytes) at a character boundary and
// made unique. @mapbox/shp-write is not used: it destroys Chinese text and writes no .cpg (STACK-NOTES).
import type { AttributeValue } from '../types';
import { encodeText, encodeWithin, type WriteEncoding } from '../encoding/text-encode';
import { getTextDecoder } from '../encoding/text-decoder';

/** A name back from its bytes (for uniqueness and the report), as our reader decodes it. */
const nameOf = (bytes: Uint8Array, encoding: WriteEncoding): string => (getTextDecoder(encoding) as { decode(b: Uint8Array): string }).decode(bytes);

export interface DbfFieldSpec {
  name: string;
  type: 'C' | 'N';
  /** N only: digits after the point (default: as many as the values need, at most 8). */
  decimals?: number;
}

export interface DbfWrittenField {
  /** The name as asked. */
  name: string;
  /** The name as written (cut to 10 bytes, made unique). */
  written: string;
  type: 'C' | 'N';
  length: number;
  decimals: number;
}

export interface DbfWriteResult {
  bytes: Uint8Array;
  fields: DbfWrittenField[];
  /** Values cut to the 254-byte limit of a C field, or a number too wide for N. */
  cut: { row: number; field: string }[];
  /** Characters the encoding cannot hold, written as '?'. */
  unmappable: number;
}

/** dBASE III's LDIDs for what we write: 0x4D Chinese GBK (936); UTF-8 has none (0, the .cpg says it). */
export const LDID_OF: Record<WriteEncoding, number> = { gbk: 0x4d, 'utf-8': 0x00 };

const MAX_C = 254;
const MAX_N = 20;
const MAX_DECIMALS = 8;

/** Digits after the point that print `v` exactly as JS's shortest form does (capped). */
function decimalsOf(v: number): number {
  const s = String(Math.abs(v));
  if (s.includes('e')) return MAX_DECIMALS;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(MAX_DECIMALS, s.length - dot - 1);
}

function uniqueNames(specs: readonly DbfFieldSpec[], encoding: WriteEncoding): string[] {
  const used = new Set<string>();
  return specs.map((f, i) => {
    let base = encodeWithin(f.name.trim() || `FIELD_${i + 1}`, encoding, 10);
    let name = nameOf(base.bytes, encoding);
    for (let k = 2; used.has(name); k++) {
      const suffix = `_${k}`;
      base = encodeWithin(f.name, encoding, 10 - suffix.length);
      name = nameOf(base.bytes, encoding) + suffix;
    }
    used.add(name);
    return name;
  });
}

const textOf = (v: AttributeValue): string | null => (v === null ? null : typeof v === 'boolean' ? (v ? 'T' : 'F') : String(v));

/**
 * Writes rows (one value per field, in the fields' order) as a dBASE III table in `encoding`. `date` is the
 * header's last-update date (the export's day; a parameter so a file is reproducible).
 */
export function writeDbf(
  specs: readonly DbfFieldSpec[],
  rows: readonly (readonly AttributeValue[])[],
  encoding: WriteEncoding,
  date: { year: number; month: number; day: number },
): DbfWriteResult {
  if (specs.length === 0) throw new RangeError('writeDbf: a table needs at least one field');
  if (specs.length > 255) throw new RangeError('writeDbf: at most 255 fields');
  const names = uniqueNames(specs, encoding);
  const cut: DbfWriteResult['cut'] = [];
  let unmappable = 0;

  // Encode every value once, and find each field's width.
  const cells: (Uint8Array | null)[][] = rows.map(() => []);
  const fields: DbfWrittenField[] = specs.map((spec, k) => {
    if (spec.type === 'C') {
      let width = 1;
      rows.forEach((row, r) => {
        const t = textOf(row[k] ?? null);
        if (t === null || t === '') return void (cells[r]![k] = null);
        const e = encodeWithin(t, encoding, MAX_C);
        if (e.cut) cut.push({ row: r, field: spec.name });
        unmappable += e.unmappable;
        cells[r]![k] = e.bytes;
        width = Math.max(width, e.bytes.length);
      });
      return { name: spec.name, written: names[k] as string, type: 'C', length: width, decimals: 0 };
    }
    const nums = rows.map((row) => row[k] ?? null).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
    const decimals = spec.decimals ?? Math.max(0, ...nums.map((v) => (v === null ? 0 : decimalsOf(v))));
    // At least "0.00" wide: a column whose values are all empty still declares a width its decimals fit in.
    let width = decimals > 0 ? decimals + 2 : 1;
    nums.forEach((v, r) => {
      if (v === null) return void (cells[r]![k] = null);
      let s = v.toFixed(decimals);
      if (s.length > MAX_N) {
        cut.push({ row: r, field: spec.name });
        s = '*'.repeat(MAX_N); // dBASE's overflow mark; readers take it as no number
      }
      cells[r]![k] = encodeText(s, 'utf-8').bytes;
      width = Math.max(width, s.length);
    });
    return { name: spec.name, written: names[k] as string, type: 'N', length: Math.min(MAX_N, width), decimals };
  });

  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  if (recordLength > 65535) throw new RangeError('writeDbf: a record is longer than 65,535 bytes');
  const bytes = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes[1] = Math.max(0, Math.min(255, date.year - 1900));
  bytes[2] = date.month;
  bytes[3] = date.day;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = LDID_OF[encoding];
  fields.forEach((f, k) => {
    const at = 32 + 32 * k;
    bytes.set(encodeText(f.written, encoding).bytes.subarray(0, 10), at);
    bytes[at + 11] = f.type.charCodeAt(0);
    bytes[at + 16] = f.length;
    bytes[at + 17] = f.decimals;
  });
  bytes[headerLength - 1] = 0x0d;

  bytes.fill(0x20, headerLength, headerLength + recordLength * rows.length);
  rows.forEach((_, r) => {
    let at = headerLength + r * recordLength + 1;
    fields.forEach((f, k) => {
      const v = cells[r]![k];
      if (v) bytes.set(v, f.type === 'C' ? at : at + f.length - v.length);
      at += f.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return { bytes, fields, cut, unmappable };
}

/** The .cpg beside the .dbf: the words GDAL and ArcGIS read ('GBK' → cp936, 'UTF-8'). */
export const cpgText = (encoding: WriteEncoding): string => (encoding === 'gbk' ? 'GBK' : 'UTF-8');
