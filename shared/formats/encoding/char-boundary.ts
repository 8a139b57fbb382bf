// Where the last WHOLE character of a fixed-width field ends. A DBF C field of width N holds N bytes; a
// writer that cuts "永久基本农田保护区" at N bytes may leave half a GBK pair (lead byte 0x81–0xFE) or an
// incomplete UTF-8 sequence at the end. We decode only what is whole and report the cut.

type Scheme = 'utf-8' | 'gb18030' | 'dbcs' | 'sjis' | 'single';

function schemeOf(encoding: string): Scheme {
  switch (encoding) {
    case 'utf-8':
      return 'utf-8';
    case 'gbk':
    case 'gb18030':
      return 'gb18030';
    case 'big5':
    case 'euc-kr':
      return 'dbcs'; // lead 0x81–0xFE, always two bytes
    case 'shift_jis':
      return 'sjis';
    default:
      return 'single';
  }
}

/** True when text in this encoding can be cut mid-character (a multi-byte encoding). */
export function isMultiByte(encoding: string): boolean {
  return schemeOf(encoding) !== 'single';
}

/**
 * Index just past the last complete character in bytes[start, end). Equals `end` when nothing is cut.
 * Walks forward from the field start, because GBK is not self-synchronising backwards.
 */
export function wholeCharEnd(bytes: Uint8Array, start: number, end: number, encoding: string): number {
  const scheme = schemeOf(encoding);
  if (scheme === 'single') return end;
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    let len = 1;
    if (scheme === 'utf-8') {
      if (b >= 0xc2 && b <= 0xdf) len = 2;
      else if (b >= 0xe0 && b <= 0xef) len = 3;
      else if (b >= 0xf0 && b <= 0xf4) len = 4;
      // a continuation byte that has lost its lead: the cut happened in front, nothing to do at the tail
      if (len > 1) {
        // stop counting at the first byte that is not a continuation: the sequence is broken, not cut
        let k = 1;
        while (k < len && i + k < end && ((bytes[i + k] as number) & 0xc0) === 0x80) k++;
        if (k < len && i + k >= end) return i;
        len = k;
      }
    } else if (scheme === 'gb18030') {
      if (b >= 0x81 && b <= 0xfe) {
        if (i + 1 >= end) return i;
        const t = bytes[i + 1] as number;
        len = t >= 0x30 && t <= 0x39 ? 4 : 2;
      }
    } else if (scheme === 'dbcs') {
      if (b >= 0x81 && b <= 0xfe) len = 2;
    } else if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
      len = 2; // Shift_JIS lead bytes
    }
    if (i + len > end) return i;
    i += len;
  }
  return end;
}
