import { describe, expect, it } from 'vitest';
import { isWide, textWidthEm, textWidthMm, wrapText } from './text-measure';

describe('text-measure', () => {
  it('counts CJK as 1 em and Latin/digits as 0.55 em', () => {
    expect(isWide('界')).toBe(true);
    expect(isWide('，')).toBe(true);
    expect(isWide('J')).toBe(false);
    expect(textWidthEm('界址点J1')).toBeCloseTo(3 + 2 * 0.55, 12);
    // 10 pt = 3.5278 mm per em
    expect(textWidthMm('违法用地', 10)).toBeCloseTo(4 * 10 * (25.4 / 72), 9);
  });

  it('wraps CJK between any two characters and keeps lines within the width', () => {
    const lines = wrapText('土地利用现状为旱地和农村宅基地', 10, 5 * 3.5278);
    expect(lines).toEqual(['土地利用现', '状为旱地和', '农村宅基地']);
    for (const l of lines) expect(textWidthMm(l, 10)).toBeLessThanOrEqual(5 * 3.5278 + 1e-9);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('甲乙丙丁，戊己', 10, 4 * 3.5278);
    expect(lines[0]).toBe('甲乙丙丁，');
    expect(lines[1]).toBe('戊己');
  });

  it('wraps Latin at spaces and breaks a word longer than a line', () => {
    expect(wrapText('CGCS2000 Gauss Kruger', 10, 9 * 0.55 * 3.5278)).toEqual(['CGCS2000', 'Gauss', 'Kruger']);
    const long = wrapText('39512345.678', 10, 5 * 0.55 * 3.5278);
    expect(long.join('')).toBe('39512345.678');
    expect(long.length).toBe(3);
  });

  it('keeps the text’s own line breaks and an empty line', () => {
    expect(wrapText('甲\n\n乙', 10, 100)).toEqual(['甲', '', '乙']);
    expect(wrapText('', 10, 100)).toEqual(['']);
  });
});
