/**
 * XML text → a DOM document, through @xmldom/xmldom: there is no DOMParser in a Web Worker (nor in Node), and
 * togeojson walks whatever DOM it is given. Kept behind this one function so the rest of shared/ sees no DOM
 * types. A file that is not well-formed XML is a failure with xmldom's reason, never a throw; xmldom's own
 * console output is kept quiet.
 */
import { DOMParser, type Document } from '@xmldom/xmldom';

export type XmlDocument = Document;

export type XmlParse = { ok: true; doc: XmlDocument; root: string } | { ok: false; reason: string };

/** Parses XML; `root` is the document element's local name in lower case ('gpx', 'kml'). */
export function parseXml(text: string): XmlParse {
  let fatal: string | null = null;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'fatalError' && fatal === null) fatal = message;
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    return { ok: false, reason: fatal ?? (e instanceof Error ? e.message : String(e)) };
  }
  if (fatal !== null) return { ok: false, reason: fatal };
  const el = doc.documentElement;
  if (!el) return { ok: false, reason: 'missing root element' };
  return { ok: true, doc, root: (el.localName ?? el.nodeName).toLowerCase() };
}
