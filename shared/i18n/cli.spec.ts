import { describe, expect, it } from 'vitest';
import { CLI_MESSAGES, crsUnknownMessage, epsgListText } from './cli';

const placeholders = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('CLI messages', () => {
  it('say the same things in both languages (same placeholders)', () => {
    for (const m of Object.values(CLI_MESSAGES)) expect(placeholders(m.en)).toEqual(placeholders(m['zh-CN']));
  });

  it('list EPSG codes as a run when they are consecutive', () => {
    expect(epsgListText(Array.from({ length: 21 }, (_, i) => 4554 - i))).toBe('EPSG:4534–4554');
    expect(epsgListText([4527])).toBe('EPSG:4527');
    expect(epsgListText([4548, 4527])).toBe('EPSG:4527, EPSG:4548');
    expect(epsgListText([])).toBe('');
  });

  it('the unknown-CRS warning names the file, the reason in words, and how to give the CRS', () => {
    expect(crsUnknownMessage('a/Polygon.shp', 'no-prj-unrecognised', [], 'zh-CN')).toBe(
      'a/Polygon.shp：坐标系未知（没有 .prj，坐标范围不像任何 CGCS2000 坐标系），范围按文件自身的坐标给出，未计算面积；请用 --crs EPSG:xxxx 指定坐标系（例如 --crs EPSG:4527）。',
    );
    expect(crsUnknownMessage('b.shp', 'no-prj-6-digit-easting', [4534, 4535, 4536], 'en')).toBe(
      "b.shp: the coordinate system is unknown (no .prj and 6-digit eastings: the central meridian is unknown); the extent is in the file's own coordinates and no area was computed; give it with --crs EPSG:xxxx (likely one of EPSG:4534–4536: pick the central meridian of the data).",
    );
  });
});
