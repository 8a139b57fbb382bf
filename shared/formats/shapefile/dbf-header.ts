// dBASE III+/IV header as shapefiles use it (ESRI Shapefile Technical Description, 1998, "dBASE file";
// dBASE file format, http://www.dbase.com/Knowledgebase/INT/db7_file_fmt.htm):
//   byte 0 version · 1–3 last update YYMMDD · 4–7 record count (uint32 LE) · 8–9 header length (uint16 LE)
//   10–11 record length (uint16 LE, incl. the 1-byte deletion flag) · 29 LDID (language driver / code page)
//   32… field descriptors of 32 bytes until 0x0D: name 0–10 (NUL-padded), type 11, length 16, decimals 17.
import type { FieldType } from '../types';

export interface DbfFieldLayout {
  /** Raw name bytes (NULs removed); decoded later with the table's encoding (GBK field names exist). */
  nameBytes: Uint8Array;
  type: FieldType | string;
  /** Width in bytes. */
  length: number;
  decimals: number;
  /** Byte offset of the field inside a record (the deletion flag is byte 0). */
  offset: number;
}

export interface DbfHeader {
  version: number;
  recordCount: number;
  headerLength: number;
  recordLength: number;
  ldid: number;
  fields: DbfFieldLayout[];
}

export type DbfHeaderResult = { ok: true; header: DbfHeader } | { ok: false; reason: string };

const DESCRIPTOR_BYTES = 32;
const TERMINATOR = 0x0d;

export function readDbfHeader(bytes: Uint8Array): DbfHeaderResult {
  if (bytes.length < 33) return { ok: false, reason: 'short' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = bytes[0] as number;
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const ldid = bytes[29] as number;
  if (headerLength < 33 || headerLength > bytes.length) return { ok: false, reason: 'headerLength' };
  if (recordLength < 2) return { ok: false, reason: 'recordLength' };

  const fields: DbfFieldLayout[] = [];
  let offset = 1; // byte 0 of each record is the deletion flag (' ' or '*')
  for (let pos = 32; pos < headerLength; pos += DESCRIPTOR_BYTES) {
    if (bytes[pos] === TERMINATOR) break;
    if (pos + DESCRIPTOR_BYTES > headerLength) break; // a stray byte before the terminator: not a descriptor
    let nameEnd = pos;
    while (nameEnd < pos + 11 && bytes[nameEnd] !== 0) nameEnd++;
    const type = String.fromCharCode(bytes[pos + 11] as number).toUpperCase();
    let length = bytes[pos + 16] as number;
    let decimals = bytes[pos + 17] as number;
    if (type === 'C') {
      // Clipper/FoxPro store C widths > 255 with the high byte in the decimals slot (shapelib does the same).
      length += decimals * 256;
      decimals = 0;
    }
    fields.push({ nameBytes: bytes.slice(pos, nameEnd), type, length, decimals, offset });
    offset += length;
  }
  if (fields.length === 0) return { ok: false, reason: 'noFields' };
  if (offset > recordLength) return { ok: false, reason: 'fieldsExceedRecord' };
  return { ok: true, header: { version, recordCount, headerLength, recordLength, ldid, fields } };
}

/** Number of complete records actually present after the header (a truncated file has fewer than declared). */
export function completeRecordCount(bytes: Uint8Array, header: DbfHeader): number {
  const available = Math.floor((bytes.length - header.headerLength) / header.recordLength);
  return Math.max(0, Math.min(header.recordCount, available));
}
