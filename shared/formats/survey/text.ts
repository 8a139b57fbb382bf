/**
 * The text of a surveyor's file (CASS .dat, 报盘 .txt, CSV) from its bytes. These files come from Chinese Windows
 * software (CASS, 南方 RTK handbooks, Excel "CSV") in GBK, or from newer tools in UTF-8, never with a declaration.
 * Evidence, in order: a byte-order mark; bytes that are valid UTF-8 (multi-byte UTF-8 is self-checking: GBK Chinese
 * almost never forms valid UTF-8, see shared/formats/encoding/validate.ts); else GB18030 (a superset of GBK), said
 * as `survey.encodingGbk` so the user knows what was assumed.
 */
import { isValidUtf8 } from '../encoding/validate';
import { getTextDecoder } from '../encoding/text-decoder';

export interface SurveyText {
  text: string;
  /** 'utf-8' or 'gbk' (GB18030 decoding, WHATWG's superset of GBK), 'utf-16le'/'utf-16be' from a BOM. */
  encoding: string;
  /** true when the encoding was decided from the bytes alone and is not UTF-8 (GBK assumed). */
  assumedGbk: boolean;
}

const decoder = (label: string) => getTextDecoder(label) as NonNullable<ReturnType<typeof getTextDecoder>>;

export function decodeSurveyText(bytes: Uint8Array): SurveyText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', assumedGbk: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', assumedGbk: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', assumedGbk: false };
  if (isValidUtf8(bytes, 0, bytes.length, false)) return { text: decoder('utf-8').decode(bytes), encoding: 'utf-8', assumedGbk: false };
  return { text: decoder('gb18030').decode(bytes), encoding: 'gbk', assumedGbk: true };
}

/** The file's lines, without their line ends (CRLF, LF or CR). */
export const splitLines = (text: string): string[] => text.split(/\r\n|\n|\r/);

/** A number as surveyors write it ("3820123.456", "-12", "1e3" refused: exponents are not survey notation). */
export function parseSurveyNumber(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return Number(t);
}

let gbkTable: Map<number, number> | null = null;

/**
 * GBK encoding of text, built from the runtime's own GBK decoder (WHATWG `gbk`), so the bytes we write read back as
 * the same characters in every decoder we trust. Characters outside GBK become '?' and are counted.
 */
export function encodeGbk(text: string): { bytes: Uint8Array; unencodable: number } {
  if (!gbkTable) {
    gbkTable = new Map();
    const d = decoder('gbk');
    const pair = new Uint8Array(2);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      pair[0] = lead;
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        pair[1] = trail;
        const s = d.decode(pair);
        if (s.length === 1 && s !== '\uFFFD' && !gbkTable.has(s.charCodeAt(0))) gbkTable.set(s.charCodeAt(0), (lead << 8) | trail);
      }
    }
  }
  const out: number[] = [];
  let unencodable = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else {
      const code = c <= 0xffff ? gbkTable.get(c) : undefined;
      if (code === undefined) {
        out.push(0x3f);
        unencodable++;
      } else out.push(code >> 8, code & 0xff);
    }
  }
  return { bytes: Uint8Array.from(out), unencodable };
}

// TextEncoder without DOM/Node typings (shared/ compiles with lib ES2022): every runtime we run in has it.
const Encoder = (globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }).TextEncoder;

export const encodeUtf8 = (text: string): Uint8Array => new Encoder().encode(text);
