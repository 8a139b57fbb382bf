/**
 * The text of a surveyor's file (CASS .dat, 报盘 .txt, CSV) from its bytes. These files come from Chinese Windows
 * software (CASS, 南方 RTK handbooks, Excel "CSV") in GBK, or from newer tools in UTF-8, never with a declaration.
 * Evidence, in order: a byte-order mark; bytes that are valid UTF-8 (multi-byte UTF-8 is self-checking: GBK Chinese
 * almost never forms valid UTF-8, see shared/formats/encoding/validate.ts); else GB18030 (a superset of GBK), said
 * as `survey.encodingGbk` so the user knows what was assumed. Writing goes through shared/formats/encoding/text-encode.
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
