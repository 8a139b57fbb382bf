// Which encoding a DBF's text is in. Evidence in order (README, Domain rule 5): the .cpg, then the LDID
// (header byte 29), then the bytes themselves. A declaration the bytes contradict is not obeyed blindly:
// a .cpg saying UTF-8 over GBK bytes is the most common cause of 乱码 in files passed between offices.
import type { EncodingInfo, Issue } from '../types';
import { parseCpg } from './cpg';
import { isWeakLdid, ldidToEncoding } from './ldid';
import { sniffDbfText, type SniffVerdict } from './sniff';

export interface DetectEncodingInput {
  /** The .cpg file's text, when the bundle has one. */
  cpgText?: string;
  dbfBytes: Uint8Array;
  /** Path of the .dbf as the user gave it; named in issues. */
  dbfPath?: string;
  /** Path of the .cpg; named in the conflict issue (defaults to dbfPath). */
  cpgPath?: string;
}

export interface DetectEncodingResult {
  info: EncodingInfo;
  issues: Issue[];
  /** True when nothing declared the encoding and the bytes fit no candidate: ask the user (preview.ts). */
  needsUser: boolean;
}

const UNICODE_OR_CJK = new Set(['utf-8', 'gbk', 'gb18030']);

/** Is a declared encoding contradicted by a clear content verdict? */
function contradicts(declared: string, verdict: SniffVerdict): boolean {
  if (verdict === 'utf-8') return declared !== 'utf-8';
  if (verdict === 'gbk') return declared === 'utf-8';
  return false;
}

export function detectEncoding(input: DetectEncodingInput): DetectEncodingResult {
  const file = input.dbfPath ?? '';
  const issues: Issue[] = [];
  const bytes = input.dbfBytes;
  const ldidByte = bytes.length > 29 ? (bytes[29] as number) : undefined;
  const sniff = sniffDbfText(bytes);
  const verdict = sniff.verdict;
  const base: Pick<EncodingInfo, 'cpgDeclared' | 'ldid'> = {};
  if (ldidByte !== undefined) base.ldid = ldidByte;

  // 1. .cpg
  if (input.cpgText !== undefined) {
    const declaredText = input.cpgText.replace(/^\uFEFF/, '').trim();
    base.cpgDeclared = declaredText;
    const declared = parseCpg(input.cpgText);
    if (declared) {
      if (contradicts(declared, verdict)) {
        issues.push({
          code: 'encoding.cpgConflict',
          severity: 'warning',
          file: input.cpgPath ?? file,
          params: { declared: declaredText, used: verdict },
        });
        return { info: { ...base, encoding: verdict, source: 'content' }, issues, needsUser: false };
      }
      return { info: { ...base, encoding: declared, source: 'cpg' }, issues, needsUser: false };
    }
    // An unreadable .cpg is no evidence: fall through, and say so below.
  }

  // 2. LDID
  const fromLdid = ldidByte !== undefined ? ldidToEncoding(ldidByte) : null;
  if (fromLdid && ldidByte !== undefined) {
    const weak = isWeakLdid(ldidByte) && (verdict === 'utf-8' || verdict === 'gbk');
    const strongConflict = !weak && UNICODE_OR_CJK.has(fromLdid) && contradicts(fromLdid, verdict);
    if (!weak && !strongConflict) return { info: { ...base, encoding: fromLdid, source: 'ldid' }, issues, needsUser: false };
    issues.push(assumed(file, verdict, `ldid:0x${ldidByte.toString(16).padStart(2, '0').toUpperCase()}`));
    return { info: { ...base, encoding: verdict, source: 'content' }, issues, needsUser: false };
  }

  // 3. content
  const cpgUnreadable = base.cpgDeclared !== undefined;
  if (verdict === 'utf-8' || verdict === 'gbk') {
    issues.push(assumed(file, verdict, cpgUnreadable ? `cpg:${base.cpgDeclared}` : 'none'));
    return { info: { ...base, encoding: verdict, source: 'content' }, issues, needsUser: false };
  }
  if (verdict === 'ascii') {
    // Pure ASCII decodes the same in every candidate: nothing to warn about.
    return { info: { ...base, encoding: 'utf-8', source: 'default' }, issues, needsUser: false };
  }
  // Bytes that are neither UTF-8 nor GBK and nothing declared: GBK is the likeliest for Chinese data,
  // but the user should look at the preview before trusting it.
  issues.push(assumed(file, 'gbk', cpgUnreadable ? `cpg:${base.cpgDeclared}` : 'none'));
  return { info: { ...base, encoding: 'gbk', source: 'default' }, issues, needsUser: true };
}

function assumed(file: string, used: string, evidence: string): Issue {
  return { code: 'encoding.assumed', severity: 'warning', file, params: { used, evidence } };
}
