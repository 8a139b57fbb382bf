import { describe, expect, it } from 'vitest';
import type { ZipEntry } from './central-directory';
import { classifyMemberPath, decodeMemberName } from './member-name';

function entry(nameBytes: Uint8Array, utf8Flag = false, unicodePath: Uint8Array | null = null): ZipEntry {
  return { nameBytes, utf8Flag, unicodePath, encrypted: false, method: 8, crc32: 0, compressedSize: 0, uncompressedSize: 0, localHeaderOffset: 0 };
}

describe('decodeMemberName', () => {
  it('GBK without the UTF-8 flag', () => {
    // '农田.shp' in GBK
    expect(decodeMemberName(entry(new Uint8Array([0xc5, 0xa9, 0xcc, 0xef, 0x2e, 0x73, 0x68, 0x70])))).toBe('农田.shp');
  });

  it('UTF-8 with the flag, UTF-8 without it, and the Info-ZIP Unicode Path field', () => {
    const u = new TextEncoder().encode('农田.shp');
    expect(decodeMemberName(entry(u, true))).toBe('农田.shp');
    expect(decodeMemberName(entry(u, false))).toBe('农田.shp');
    expect(decodeMemberName(entry(new TextEncoder().encode('x.shp'), false, u))).toBe('农田.shp');
  });
});

describe('classifyMemberPath', () => {
  it.each([
    ['a/b/c.shp', { kind: 'file', path: 'a/b/c.shp' }],
    ['a\\b.shp', { kind: 'file', path: 'a/b.shp' }],
    ['./a.shp', { kind: 'file', path: 'a.shp' }],
    ['a/', { kind: 'skip' }],
    ['__MACOSX/a/._b.shp', { kind: 'skip' }],
    ['a/._b.dbf', { kind: 'skip' }],
    ['../evil.shp', { kind: 'unsafe' }],
    ['a/../../evil.shp', { kind: 'unsafe' }],
    ['/etc/evil.shp', { kind: 'unsafe' }],
    ['C:/evil.shp', { kind: 'unsafe' }],
    ['c:evil.shp', { kind: 'unsafe' }],
  ])('%s', (name, expected) => {
    expect(classifyMemberPath(name)).toEqual(expected);
  });
});
