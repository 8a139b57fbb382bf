// .cpg: a one-line text file beside the .dbf naming its code page. ArcGIS writes bare Windows code page
// numbers ("936", "65001"), GDAL writes "UTF-8" or "CP936"/"ISO-8859-1"; hand-made ones add a BOM, CRLF,
// "ANSI 1252" and the like. We map all of these to WHATWG labels (https://encoding.spec.whatwg.org/#names-and-labels).
import { canonicalEncoding } from './text-decoder';

/** Windows / IBM code page number → WHATWG label. Only pages a TextDecoder can decode. */
const CODE_PAGE: Record<number, string> = {
  65001: 'utf-8',
  936: 'gbk',
  54936: 'gb18030',
  950: 'big5',
  949: 'euc-kr',
  932: 'shift_jis',
  874: 'windows-874',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  866: 'ibm866',
  28591: 'windows-1252', // ISO-8859-1: WHATWG decodes it as windows-1252
  20936: 'gbk', // GB2312 (EUC-CN) is a subset of GBK
};

/** "88591" … "885915" as GDAL's SHAPE_ENCODING and MapServer write them. */
const ISO_8859 = /^8859[-_]?(\d{1,2})$/;

/**
 * Parses .cpg text into a WHATWG encoding name ('utf-8', 'gbk', 'big5', 'windows-1252' …),
 * or null when the text names nothing we can decode.
 */
export function parseCpg(text: string): string | null {
  // BOM, CR/LF, NULs and surrounding blanks are noise; only the first line counts.
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split('\u0000')
      .join('')
      .split(/\r\n|\r|\n/)[0] ?? '';
  let t = firstLine.trim().toLowerCase();
  if (t === '') return null;
  t = t.replace(/^(ansi|oem|cp|windows|win|ms|ibm)[\s_-]*(?=\d)/, '');
  const iso = ISO_8859.exec(t) ?? /^iso[\s_-]?8859[\s_-]?(\d{1,2})$/.exec(t);
  if (iso) return isoLabel(Number(iso[1]));
  if (/^\d+$/.test(t)) return CODE_PAGE[Number(t)] ?? null;
  if (t === 'utf8' || t === 'utf-8' || t === 'utf_8') return 'utf-8';
  if (t === 'gb2312' || t === 'gb_2312' || t === 'euc-cn' || t === 'chinese') return 'gbk';
  if (t === 'big5' || t === 'big-5' || t === 'big5-hkscs') return 'big5';
  return canonicalEncoding(t);
}

function isoLabel(part: number): string | null {
  if (part === 1) return 'windows-1252';
  return canonicalEncoding(`iso-8859-${part}`);
}
