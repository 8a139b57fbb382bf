/**
 * The text of an XML file from its bytes: a byte-order mark decides, else the XML declaration's encoding
 * (Chinese handhelds write `encoding="GB2312"` or "GBK"), else UTF-8 — and bytes that are not valid UTF-8 are
 * read as GB18030 (a superset of GBK and GB2312) and said so, rather than shown as mojibake.
 */
import { decodeStrict, getTextDecoder } from '../encoding/text-decoder';

export interface XmlText {
  text: string;
  /** The WHATWG name of the encoding used. */
  encoding: string;
  /** Set when the encoding was not the one the file declared (or none was declared and UTF-8 failed). */
  assumed?: { declared: string | null };
}

const DECLARED = /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** The encoding label of the XML declaration at the start of the bytes (read as ASCII), or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 256); i++) head += String.fromCharCode(bytes[i] as number);
  const m = DECLARED.exec(head.trimStart());
  return m ? (m[1] as string) : null;
}

function bom(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return null;
}

export function xmlText(bytes: Uint8Array): XmlText {
  const b = bom(bytes);
  if (b) {
    const d = getTextDecoder(b.label) as NonNullable<ReturnType<typeof getTextDecoder>>; // utf-8/16 are in every runtime
    return { text: d.decode(bytes.subarray(b.skip)), encoding: d.encoding };
  }
  const declared = declaredEncoding(bytes);
  if (declared) {
    const d = getTextDecoder(declared);
    // A declaration in UTF-16 without a BOM cannot have been read as ASCII: such a file does not reach here.
    if (d && !/^utf-16/.test(d.encoding)) return { text: d.decode(bytes), encoding: d.encoding };
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return declared ? { text: utf8, encoding: 'utf-8', assumed: { declared } } : { text: utf8, encoding: 'utf-8' };
  const gb = getTextDecoder('gb18030') as NonNullable<ReturnType<typeof getTextDecoder>>;
  return { text: gb.decode(bytes), encoding: gb.encoding, assumed: { declared } };
}
