// Text → bytes for the writers (the .dbf, the .cpg). UTF-8 through TextEncoder; GBK (code page 936) through a
// table built once from the runtime's own WHATWG 'gbk' decoder, so the bytes we write are exactly the bytes our
// reader (and GDAL's iconv CP936) decodes back — no second GBK table shipped, no iconv-lite (it needs Node's
// Buffer, absent in a worker). Characters GBK cannot hold (GB18030's four-byte range: rare CJK extension-B
// characters, emoji) are written as '?' and counted, never dropped silently.

/** The encodings the writers offer: what Chinese offices exchange (DOMAIN "Files"). */
export type WriteEncoding = 'gbk' | 'utf-8';

export interface EncodedText {
  bytes: Uint8Array;
  /** Characters the encoding cannot hold, written as '?'. */
  unmappable: number;
}

interface TextEncoderLike {
  encode(s: string): Uint8Array;
}
type DecoderCtor = new (label: string, opts?: { fatal?: boolean }) => { decode(b: Uint8Array): string };

const G = globalThis as unknown as { TextEncoder: new () => TextEncoderLike; TextDecoder: DecoderCtor };
const utf8 = new G.TextEncoder();

let gbkTable: Uint16Array | null = null;

/** BMP code unit → GBK two-byte code (lead << 8 | trail), 0 where GBK has none (a flat table: a lookup per character). */
function gbkEncodeTable(): Uint16Array {
  if (gbkTable) return gbkTable;
  // Every lead 0x81–0xFE with every trail 0x40–0xFE (not 0x7F), each pair followed by a newline: one decode call.
  // An unmapped pair decodes to U+FFFD (plus its trail when that is ASCII), so a pair's slot is one character
  // exactly when it is mapped.
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail, 0x0a);
  const slots = new G.TextDecoder('gbk').decode(new Uint8Array(pairs)).split('\n');
  const table = new Uint16Array(0x10000);
  let i = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const s = slots[i++] ?? '';
      if (s.length !== 1 || s === '\uFFFD') continue;
      const cu = s.charCodeAt(0);
      if (cu >= 0x80 && table[cu] === 0) table[cu] = (lead << 8) | trail;
    }
  gbkTable = table;
  return table;
}

function encodeGbk(text: string): EncodedText {
  const table = gbkEncodeTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  let unmappable = 0;
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    if (cu < 0x80) {
      out[n++] = cu;
      continue;
    }
    const code = table[cu] as number;
    if (code === 0) {
      // A surrogate pair is one character outside the BMP: one '?'.
      if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length) i++;
      out[n++] = 0x3f;
      unmappable++;
    } else {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  return { bytes: out.slice(0, n), unmappable };
}

/** The bytes of `text` in `encoding`; unmappable characters become '?' and are counted. */
export function encodeText(text: string, encoding: WriteEncoding): EncodedText {
  if (encoding === 'utf-8') return { bytes: utf8.encode(text), unmappable: 0 };
  return encodeGbk(text);
}

/**
 * The longest prefix of `text` whose encoding fits in `maxBytes`, cut between characters (a DBF field of fixed
 * width must never end in half a character: readers would show mojibake).
 */
export function encodeWithin(text: string, encoding: WriteEncoding, maxBytes: number): EncodedText & { cut: boolean } {
  const full = encodeText(text, encoding);
  if (full.bytes.length <= maxBytes) return { ...full, cut: false };
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const n = encodeText(ch, encoding).bytes.length;
    if (bytes + n > maxBytes) break;
    bytes += n;
    end += ch.length;
  }
  return { ...encodeText(text.slice(0, end), encoding), cut: true };
}
