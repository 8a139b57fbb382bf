import { describe, expect, it } from 'vitest';
import { declaredEncoding, xmlText } from './xml-text';

const enc = new TextEncoder();
const gbk = (s: string): Uint8Array => {
  // The GBK bytes of 巡查 (from the GB 2312 table): D1B2 B2E9.
  const bytes: number[] = [];
  for (const ch of s) {
    if (ch === '巡') bytes.push(0xd1, 0xb2);
    else if (ch === '查') bytes.push(0xb2, 0xe9);
    else bytes.push(ch.charCodeAt(0));
  }
  return new Uint8Array(bytes);
};

describe('xmlText', () => {
  it('follows a byte-order mark', () => {
    expect(xmlText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('<gpx>巡查</gpx>')]))).toEqual({ text: '<gpx>巡查</gpx>', encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<kml/>'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(xmlText(utf16)).toEqual({ text: '<kml/>', encoding: 'utf-16le' });
  });

  it('follows the declaration (GB2312 from a Chinese handheld)', () => {
    const bytes = gbk('<?xml version="1.0" encoding="GB2312"?><gpx><name>巡查</name></gpx>');
    expect(declaredEncoding(bytes)).toBe('GB2312');
    expect(xmlText(bytes)).toEqual({ text: '<?xml version="1.0" encoding="GB2312"?><gpx><name>巡查</name></gpx>', encoding: 'gbk' });
  });

  it('reads UTF-8 by default, and GB18030 when the bytes are not UTF-8, saying so', () => {
    expect(xmlText(enc.encode('<gpx>巡查</gpx>'))).toEqual({ text: '<gpx>巡查</gpx>', encoding: 'utf-8' });
    expect(xmlText(gbk('<gpx>巡查</gpx>'))).toEqual({ text: '<gpx>巡查</gpx>', encoding: 'gb18030', assumed: { declared: null } });
    // An unknown label: UTF-8 when it fits, and the declaration named.
    expect(xmlText(enc.encode('<?xml version="1.0" encoding="x-nonsense"?><gpx/>'))).toMatchObject({
      encoding: 'utf-8',
      assumed: { declared: 'x-nonsense' },
    });
  });
});
