import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX_CHARS, fileNameProblem, isSafeFileName, toSafeFileName, validateFileName, type FileNameProblem } from './file-name';

describe('fileNameProblem', () => {
  it.each([
    '叠加分析-2026-11-22.csv',
    'a',
    'report (1).pdf',
    '.hidden',
    'index-Ab12_c.js',
    '村界.geojson',
    'x'.repeat(FILE_NAME_MAX_CHARS),
    'console.log.txt', // "console" is not "con"
    'com10.txt', // only COM0–COM9 are devices
    'lpt.txt',
    'nul_report.csv',
    'auxiliary',
    'a.b.c',
    '😀.txt', // a surrogate pair is one character
  ])('accepts %j', (name) => {
    expect(fileNameProblem(name)).toBeNull();
    expect(isSafeFileName(name)).toBe(true);
  });

  const refused: [unknown, FileNameProblem][] = [
    [42, 'notString'],
    [null, 'notString'],
    ['', 'empty'],
    ['x'.repeat(FILE_NAME_MAX_CHARS + 1), 'tooLong'],
    ['.', 'dotName'],
    ['..', 'dotName'],
    ['a/b.csv', 'separator'],
    ['a\\b.csv', 'separator'],
    ['../x.csv', 'separator'],
    ['C:x.csv', 'forbiddenChar'],
    ['index.html::$DATA', 'forbiddenChar'],
    ['a*.csv', 'forbiddenChar'],
    ['a?.csv', 'forbiddenChar'],
    ['a<b>.csv', 'forbiddenChar'],
    ['a|b', 'forbiddenChar'],
    ['a"b', 'forbiddenChar'],
    ['a\u0000.csv', 'controlChar'],
    ['a\n.csv', 'controlChar'],
    ['a\t.csv', 'controlChar'],
    ['a\u007f.csv', 'controlChar'],
    ['a\u0085.csv', 'controlChar'], // C1 NEL
    ['a\u2028.csv', 'controlChar'],
    ['报告\u202efdp.exe', 'bidiControl'], // RLO: reads as 报告exe.pdf
    ['a\u202a.csv', 'bidiControl'],
    ['a\u2066b\u2069.csv', 'bidiControl'],
    ['a\u200f.csv', 'bidiControl'],
    ['a\u061c.csv', 'bidiControl'],
    ['re\u200bport.csv', 'zeroWidth'],
    ['a\u200c.csv', 'zeroWidth'],
    ['a\u200d.csv', 'zeroWidth'],
    ['a\u2060.csv', 'zeroWidth'],
    ['\ufeffa.csv', 'zeroWidth'],
    ['a\u00ad.csv', 'zeroWidth'],
    ['a\ud800.csv', 'loneSurrogate'],
    ['a\udc00', 'loneSurrogate'],
    ['x.csv.', 'trailingDotOrSpace'],
    ['x.csv ', 'trailingDotOrSpace'],
    ['x...', 'trailingDotOrSpace'],
    [' x.csv', 'leadingSpace'],
    ['CON', 'reservedName'],
    ['con', 'reservedName'],
    ['PRN.txt', 'reservedName'],
    ['aux.tar.gz', 'reservedName'],
    ['nul.txt', 'reservedName'],
    ['NUL', 'reservedName'],
    ['com0', 'reservedName'],
    ['com1.csv', 'reservedName'],
    ['COM9.log', 'reservedName'],
    ['LPT1', 'reservedName'],
    ['lpt9.txt', 'reservedName'],
    ['COM¹', 'reservedName'],
    ['com².txt', 'reservedName'],
    ['LPT³.csv', 'reservedName'],
    ['CONIN$', 'reservedName'],
    ['conout$.txt', 'reservedName'],
    ['con .txt', 'reservedName'], // Windows ignores the spaces before the extension
    ['con.js', 'reservedName'],
  ];
  it.each(refused)('refuses %j (%s)', (name, problem) => {
    expect(fileNameProblem(name)).toBe(problem);
    expect(isSafeFileName(name)).toBe(false);
  });
});

describe('validateFileName', () => {
  it('returns the name as the value, or the problem as the reason with an English detail', () => {
    expect(validateFileName('a.csv')).toEqual({ ok: true, value: 'a.csv' });
    expect(validateFileName('nul.txt')).toEqual({ ok: false, reason: 'reservedName', detail: 'the file name is a Windows device name' });
    expect(validateFileName(1)).toEqual({ ok: false, reason: 'notString', detail: 'the file name is not a string' });
  });
});

describe('toSafeFileName', () => {
  it.each([
    ['叠加分析-2026-11-22.csv', '叠加分析-2026-11-22.csv'],
    ['a/b\\c:d*e?f"g<h>i|j.csv', 'a_b_c_d_e_f_g_h_i_j.csv'],
    ['报告\u202efdp.exe', '报告fdp.exe'],
    ['re\u200bport\u0000.csv', 'report.csv'],
    ['  x.csv. . ', 'x.csv'],
    ['CON.txt', '_CON.txt'],
    ['com¹', '_com¹'],
    ['...', 'untitled'],
    ['', 'untitled'],
  ])('%j → %j', (proposal, safe) => {
    expect(toSafeFileName(proposal)).toBe(safe);
  });

  it('shortens a long stem and keeps the extension, never splitting a character', () => {
    const long = `${'图'.repeat(150)}${'😀'.repeat(60)}.xlsx`;
    const safe = toSafeFileName(long);
    expect(safe.length).toBeLessThanOrEqual(FILE_NAME_MAX_CHARS);
    expect(safe.endsWith('😀.xlsx')).toBe(true);
    expect(fileNameProblem(safe)).toBeNull();
  });

  it('whatever the proposal, the result passes the rule', () => {
    const pieces = ['a', '.', ' ', '/', ':', 'con', 'COM1', '\u202e', '\u200b', '\u0007', '\ud800', '图', '😀', '$', 'x'.repeat(90)];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const safe = toSafeFileName(`${a}${b}${c}`);
          expect(fileNameProblem(safe), JSON.stringify([a, b, c])).toBeNull();
        }
  });
});
