import { describe, expect, it } from 'vitest';
import type { Issue, IssueCode } from '../formats/types';
import { formatIssue, ISSUE_MESSAGES, ISSUE_VARIANTS, type Lang } from './issues';

/** Every IssueCode, listed by hand: adding a code to types.ts without a message fails the compile here. */
const ALL_CODES: Record<IssueCode, true> = {
  'file.missingShp': true,
  'file.missingShx': true,
  'file.missingDbf': true,
  'file.unsupported': true,
  'file.empty': true,
  'shp.badHeader': true,
  'shp.truncated': true,
  'shp.unsupportedShapeType': true,
  'dbf.badHeader': true,
  'dbf.truncated': true,
  'zip.corrupt': true,
  'zip.tooLarge': true,
  'zip.unsafePath': true,
  'zip.nested': true,
  'layer.noFeatures': true,
  'import.cancelled': true,
  'crs.needsUser': true,
  'shp.recordCountMismatch': true,
  'shp.nullShapes': true,
  'shp.badRecords': true,
  'shp.zmDropped': true,
  'shp.unclosedRing': true,
  'geometry.repaired': true,
  'geometry.collapsed': true,
  'geometry.unrepairable': true,
  'shx.mismatch': true,
  'dbf.truncatedText': true,
  'dbf.deletedRecords': true,
  'encoding.cpgConflict': true,
  'encoding.assumed': true,
  'crs.localDatum': true,
  'crs.nearFalseOrigin': true,
  'crs.swappedXY': true,
  'crs.outsideChina': true,
  'crs.zoneMismatch': true,
  'crs.assumedFromCoordinates': true,
  'crs.noPrjGeographic': true,
  'layer.empty': true,
};
const LANGS: Lang[] = ['zh-CN', 'en'];

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).filter((p) => p !== 'file');
}

describe('issue messages', () => {
  it('every code has a zh-CN and an en message that names the file', () => {
    for (const lang of LANGS) {
      expect(Object.keys(ISSUE_MESSAGES[lang]).sort()).toEqual(Object.keys(ALL_CODES).sort());
      for (const code of Object.keys(ALL_CODES) as IssueCode[]) expect(ISSUE_MESSAGES[lang][code]).toMatch(/^\{file\}/);
    }
  });

  it('both languages use the same placeholders', () => {
    for (const code of Object.keys(ALL_CODES) as IssueCode[]) {
      expect(new Set(placeholders(ISSUE_MESSAGES.en[code]))).toEqual(new Set(placeholders(ISSUE_MESSAGES['zh-CN'][code])));
    }
  });

  it('placeholders are filled from params; nothing like {x} is left', () => {
    for (const code of Object.keys(ALL_CODES) as IssueCode[]) {
      for (const lang of LANGS) {
        const params = Object.fromEntries(placeholders(ISSUE_MESSAGES[lang][code]).map((p) => [p, `<${p}>`]));
        const text = formatIssue({ code, severity: 'warning', file: '斑竹村10000.dbf', params }, lang);
        expect(text.startsWith('斑竹村10000.dbf')).toBe(true);
        expect(text).not.toMatch(/\{\w+\}/);
        for (const p of Object.keys(params)) if (p !== 'evidence') expect(text).toContain(`<${p}>`);
      }
    }
  });

  it('formats the truncated-text warning as the officer reads it', () => {
    const issue: Issue = { code: 'dbf.truncatedText', severity: 'warning', file: '斑竹村10000.dbf', params: { record: 12, field: 'DLMC', count: 3 } };
    expect(formatIssue(issue, 'zh-CN')).toBe('斑竹村10000.dbf：第 12 条记录的文字（字段 DLMC）在字符中间被截断，已去掉残缺部分（共 3 处）');
    expect(formatIssue(issue, 'en')).toBe(
      '斑竹村10000.dbf: the text of record 12 (field DLMC) was cut mid-character; the broken part was removed (3 in all)',
    );
  });

  it('encoding evidence codes are said in words; a missing param prints "?"', () => {
    const i: Issue = { code: 'encoding.assumed', severity: 'warning', file: 'a.dbf', params: { used: 'gbk', evidence: 'ldid:0x57' } };
    expect(formatIssue(i, 'zh-CN')).toBe('a.dbf：文字编码未明确声明（LDID 0x57 与内容不符），按 gbk 读取，如有乱码请手动选择编码');
    expect(formatIssue({ code: 'shp.nullShapes', severity: 'warning', file: 'b.shp' }, 'en')).toBe(
      'b.shp: ? records have no geometry (null shapes); their attributes are kept',
    );
  });

  it('variants cover the params other modules send', () => {
    expect(formatIssue({ code: 'crs.assumedFromCoordinates', severity: 'warning', file: 'a.shp', params: { zone: 39, width: 3 } }, 'zh-CN')).toBe(
      'a.shp：没有 .prj，根据坐标推断为 3° 分带第 39 带',
    );
    expect(formatIssue({ code: 'encoding.assumed', severity: 'warning', file: 'a.dbf', params: { encoding: 'gbk' } }, 'en')).toBe(
      'a.dbf: the text encoding is not declared; read as gbk. If the text looks garbled, choose the encoding',
    );
    for (const lang of LANGS) {
      for (const list of Object.values(ISSUE_VARIANTS[lang])) {
        for (const v of list ?? []) expect(v.template).toMatch(/^\{file\}/);
      }
    }
  });
});

describe('zip reasons in words', () => {
  it("says why an archive is unreadable instead of printing the reader's code", () => {
    const issue = { code: 'zip.corrupt' as const, severity: 'error' as const, file: '损坏.zip', params: { reason: 'noEndRecord' } };
    expect(formatIssue(issue, 'zh-CN')).toBe('损坏.zip：压缩包损坏或无法解压（找不到压缩包目录，文件可能不完整）');
    expect(formatIssue(issue, 'en')).toBe(
      '损坏.zip: the archive is damaged or cannot be extracted (no archive directory found; the file may be incomplete)',
    );
  });
});
