// Content sniffing over the raw bytes of every C (text) field and the field names of a DBF.
// Multi-byte UTF-8 is self-checking: GBK text almost never forms valid UTF-8 sequences, while UTF-8
// Chinese (lead 0xE4–0xE9, continuation 0x80–0xBF) often passes as GBK. So UTF-8 is tested first.
import { completeRecordCount, readDbfHeader } from '../shapefile/dbf-header';
import { hasNonAscii, isValidGbk, isValidUtf8 } from './validate';

export type SniffVerdict = 'ascii' | 'utf-8' | 'gbk' | 'unknown';

export interface SniffResult {
  verdict: SniffVerdict;
  /** Text fields (and field names) holding bytes ≥ 0x80. */
  nonAsciiFields: number;
}

/** Trailing spaces and NULs are padding, not text. */
function trimmedEnd(bytes: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && (bytes[e - 1] === 0x20 || bytes[e - 1] === 0x00)) e--;
  return e;
}

export function sniffDbfText(dbfBytes: Uint8Array): SniffResult {
  const parsed = readDbfHeader(dbfBytes);
  if (!parsed.ok) return { verdict: 'ascii', nonAsciiFields: 0 };
  const { header } = parsed;
  let nonAscii = 0;
  let utf8 = true;
  let gbk = true;
  const check = (bytes: Uint8Array, start: number, end: number, full: boolean): void => {
    if (!hasNonAscii(bytes, start, end)) return;
    nonAscii++;
    if (utf8) utf8 = isValidUtf8(bytes, start, end, full);
    if (gbk) gbk = isValidGbk(bytes, start, end, full);
  };
  for (const f of header.fields) check(f.nameBytes, 0, f.nameBytes.length, false);
  const textFields = header.fields.filter((f) => f.type === 'C');
  const n = completeRecordCount(dbfBytes, header);
  for (let r = 0; r < n && (utf8 || gbk); r++) {
    const base = header.headerLength + r * header.recordLength;
    for (const f of textFields) {
      const start = base + f.offset;
      const end = trimmedEnd(dbfBytes, start, start + f.length);
      // A cut tail is only plausible when the text fills the field to its last byte.
      check(dbfBytes, start, end, end === start + f.length);
    }
  }
  if (nonAscii === 0) return { verdict: 'ascii', nonAsciiFields: 0 };
  if (utf8) return { verdict: 'utf-8', nonAsciiFields: nonAscii };
  if (gbk) return { verdict: 'gbk', nonAsciiFields: nonAscii };
  return { verdict: 'unknown', nonAsciiFields: nonAscii };
}
