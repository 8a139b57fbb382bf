import { describe, expect, it } from 'vitest';
import { parseCpg } from './cpg';

describe('parseCpg', () => {
  it.each([
    ['936', 'gbk'],
    ['CP936', 'gbk'],
    ['cp936\r\n', 'gbk'],
    ['\uFEFFGBK \n', 'gbk'],
    ['GB2312', 'gbk'],
    ['GB18030', 'gb18030'],
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['65001', 'utf-8'],
    ['  UTF-8  \r\n\r\n', 'utf-8'],
    ['1252', 'windows-1252'],
    ['ANSI 1252', 'windows-1252'],
    ['BIG5', 'big5'],
    ['950', 'big5'],
    ['88591', 'windows-1252'],
    ['ISO-8859-1', 'windows-1252'],
    ['8859_5', 'iso-8859-5'],
    ['949', 'euc-kr'],
    ['932', 'shift_jis'],
  ])('%j → %s', (text, expected) => {
    expect(parseCpg(text)).toBe(expected);
  });

  it.each(['', '   ', 'nonsense', '437', '12345'])('%j → null (no usable declaration)', (text) => {
    expect(parseCpg(text)).toBeNull();
  });
});
