// Member names: ZIP predates Unicode. Names are UTF-8 only when flag bit 11 is set (APPNOTE Appendix D) or
// an Info-ZIP Unicode Path field is present; otherwise they are in the packer's OEM/ANSI code page — GBK
// for archives made by Windows Explorer/WinRAR/7-Zip on Chinese Windows. Many Linux/macOS tools write UTF-8
// without the flag, so unflagged names are tried as strict UTF-8 first, then GBK, then windows-1252.
import { decodeStrict, getTextDecoder } from '../encoding/text-decoder';
import { hasNonAscii } from '../encoding/validate';
import type { ZipEntry } from './central-directory';

export function decodeMemberName(e: ZipEntry): string {
  if (e.unicodePath) return getTextDecoder('utf-8')?.decode(e.unicodePath) ?? '';
  const b = e.nameBytes;
  if (e.utf8Flag) return getTextDecoder('utf-8')?.decode(b) ?? '';
  if (!hasNonAscii(b, 0, b.length)) return String.fromCharCode(...b);
  return decodeStrict(b, 'utf-8') ?? decodeStrict(b, 'gbk') ?? getTextDecoder('windows-1252')?.decode(b) ?? '';
}

export type MemberPath = { kind: 'file'; path: string } | { kind: 'skip' } | { kind: 'unsafe' };

/**
 * Normalises a member name to a relative path with '/' separators. Directories, macOS resource forks
 * (__MACOSX/, ._*) are skipped; absolute, drive-letter and '..' paths are unsafe (zip slip) and refused.
 */
export function classifyMemberPath(name: string): MemberPath {
  const n = name.replace(/\\/g, '/');
  if (n.startsWith('/') || /^[A-Za-z]:/.test(n)) return { kind: 'unsafe' };
  const parts = n.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.some((s) => s === '..')) return { kind: 'unsafe' };
  if (n.endsWith('/') || parts.length === 0) return { kind: 'skip' };
  if (parts.some((s) => s === '__MACOSX')) return { kind: 'skip' };
  if ((parts[parts.length - 1] as string).startsWith('._')) return { kind: 'skip' };
  return { kind: 'file', path: parts.join('/') };
}
