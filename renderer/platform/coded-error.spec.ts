import { describe, expect, it } from 'vitest';
import { translate, type Lang } from '../i18n';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { CodedError, ERROR_MESSAGES, errorReason, errorText, fromCodedErrorJson, toCodedError, type ErrorCode } from './coded-error';

const tr = (lang: Lang) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
const zh = tr('zh-CN');

describe('errorText: a failure is said from its code, never matched on its message', () => {
  it('noSourceFiles and layerNotFound by code, whatever their message says', () => {
    expect(errorText(new CodedError('noSourceFiles', { detail: 'anything' }), zh)).toBe('没有保存原始文件，无法重新解码');
    expect(errorText(new CodedError('layerNotFound'), zh)).toBe(translate('zh-CN', 'job.layerNotFound'));
  });
  it('a message that merely reads like a code is a plain failure with its detail', () => {
    expect(errorText(new Error('no source files'), zh)).toBe(translate('zh-CN', 'common.error', { message: 'no source files' }));
    expect(errorText(new Error('workerFailed'), zh)).toBe('出错了：workerFailed');
    expect(errorText('cancelled', zh)).toBe('出错了：cancelled');
  });
  it('every code has its own sentence in Chinese and in English, with its placeholders filled', () => {
    const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];
    for (const lang of ['zh-CN', 'en'] as const) {
      const texts = codes.map((c) => errorText(new CodedError(c, { params: { file: 'JBNT.dbf' } }), tr(lang)));
      expect(new Set(texts).size).toBe(codes.length);
      for (const s of texts) expect(s).not.toMatch(/\{\w+\}/);
    }
    expect(errorText(new CodedError('workerFailed', { detail: 'Failed to load module script' }), zh)).toBe('后台处理进程出错，操作未完成');
    expect(errorText(new CodedError('workerFailed'), tr('en'))).toBe('The background worker failed; the task was not completed');
    expect(errorText(new CodedError('fileUnreadable', { params: { file: 'a/斑竹村.shp' } }), zh)).toBe(
      '无法读取文件“a/斑竹村.shp”（可能已被移动或删除）',
    );
    expect(errorText(new CodedError('fileUnreadable', { params: { file: 'a.shp' } }), tr('en'))).toBe(
      'Cannot read the file “a.shp” (it may have been moved or deleted)',
    );
    expect(errorText(new CodedError('engineUnavailable', { detail: 'CompileError' }), zh)).toBe('几何引擎（GEOS WebAssembly）无法加载，无法计算面积');
    expect(errorText(new CodedError('failed'), zh)).toBe('出错了（原因不明）');
    expect(errorText(new CodedError('failed'), tr('en'))).toBe('Something went wrong (cause unknown)');
  });
  it('the Chinese sentences are Chinese: none is left in English', () => {
    for (const key of Object.values(ERROR_MESSAGES)) {
      expect(zhCN[key]).toMatch(/[\u4e00-\u9fff]/);
      expect(en[key]).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('errorReason: the reason inside a sentence that already says what failed', () => {
  it('a code says its sentence; an uncoded failure its detail alone', () => {
    expect(translate('zh-CN', 'import.failed', { message: errorReason(new CodedError('workerFailed'), zh) })).toBe(
      '导入失败：后台处理进程出错，操作未完成。已有图层未受影响。',
    );
    expect(errorReason(new Error('QuotaExceededError'), zh)).toBe('QuotaExceededError');
    expect(errorReason(new CodedError('failed'), zh)).toBe('出错了（原因不明）');
  });
});

describe('across postMessage', () => {
  it('a coded error survives its JSON (a structured clone), params and detail included', () => {
    const e = new CodedError('fileUnreadable', { detail: 'NotReadableError', params: { file: 'x.shp' } });
    const back = fromCodedErrorJson(structuredClone(e.toJSON()));
    expect(back).toBeInstanceOf(CodedError);
    expect([back.code, back.detail, back.params]).toEqual(['fileUnreadable', 'NotReadableError', { file: 'x.shp' }]);
  });
  it('CodedError.of gives a caught failure the code of what was being done, its message as the detail', () => {
    const e = CodedError.of('fileUnreadable', new DOMException('A requested file could not be read', 'NotReadableError'), { file: 'a.dbf' });
    expect(e.toJSON()).toEqual({ code: 'fileUnreadable', detail: 'A requested file could not be read', params: { file: 'a.dbf' } });
    expect(errorText(e, zh)).toBe('无法读取文件“a.dbf”（可能已被移动或删除）');
  });
  it('anything else thrown is `failed` with its message; an unknown code too', () => {
    expect(toCodedError(new TypeError('x is undefined')).toJSON()).toEqual({ code: 'failed', detail: 'x is undefined' });
    expect(toCodedError(42).toJSON()).toEqual({ code: 'failed', detail: '42' });
    expect(fromCodedErrorJson({ code: 'fromTheFuture', detail: 'd' }).toJSON()).toEqual({ code: 'failed', detail: 'd' });
    expect(fromCodedErrorJson(null).code).toBe('failed');
  });
});
