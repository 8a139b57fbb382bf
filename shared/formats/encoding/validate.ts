// Byte-level validity checks used to sniff a DBF's encoding. Both walk forward and allow the LAST
// character of a field to be cut short (`allowCutTail`): DBF C fields have a fixed width, and writers that
// count characters instead of bytes cut multi-byte text at the field boundary (see char-boundary.ts).

/** Strict UTF-8 per the WHATWG decoder (no overlongs, no surrogates, ≤ U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array, start: number, end: number, allowCutTail: boolean): boolean {
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f; // UTF-16 surrogates are not characters
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= end) return allowCutTail; // cut mid-character at the end of the field
      const c = bytes[i + k] as number;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Structural GB18030/GBK validity: lead 0x81–0xFE; trail 0x40–0x7E/0x80–0xFE, or a 4-byte 0x30–0x39 form. */
export function isValidGbk(bytes: Uint8Array, start: number, end: number, allowCutTail: boolean): boolean {
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) return false; // 0x80 is "€" in WHATWG gbk but never appears in Chinese text
    if (i + 1 >= end) return allowCutTail;
    const t = bytes[i + 1] as number;
    if (t >= 0x30 && t <= 0x39) {
      if (i + 3 >= end) return allowCutTail;
      const t2 = bytes[i + 2] as number;
      const t3 = bytes[i + 3] as number;
      if (t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return false;
      i += 4;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) return false;
    i += 2;
  }
  return true;
}

/** True when any byte in the range is ≥ 0x80. */
export function hasNonAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
}
