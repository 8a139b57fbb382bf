import { describe, expect, it } from 'vitest';
import { MAIN_API_METHODS } from '../../shared/ipc/contract';
import {
  isPlainFileName,
  LIMITS,
  validateGetAppInfo,
  validateOpenFiles,
  validatePrintToPdf,
  validateReadChosenFile,
  validateSaveFile,
  VALIDATORS,
} from './validate';

const shpFilter = { name: 'Shapefile', extensions: ['shp', 'shx', 'dbf', 'prj', 'cpg', 'zip'] };

describe('VALIDATORS', () => {
  it('has exactly one validator per MainApi method', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(Object.keys(MAIN_API_METHODS).sort());
  });
});

describe('validateOpenFiles', () => {
  const good = { title: '导入图层', filters: [shpFilter, { name: '所有文件', extensions: ['*'] }], allowFolders: true };
  it('accepts a good request and copies it', () => {
    const r = validateOpenFiles(good);
    expect(r).toEqual({ ok: true, value: good });
    if (r.ok) expect(r.value.filters).not.toBe(good.filters);
  });
  it('accepts an empty title and no filters', () => {
    expect(validateOpenFiles({ title: '', filters: [], allowFolders: false }).ok).toBe(true);
  });
  it.each([
    ['not an object', 'x', /must be an object/],
    ['null', null, /must be an object/],
    ['an array', [], /must be an object/],
    ['a missing field', { title: 'a', filters: [] }, /missing field "allowFolders"/],
    ['an unknown field', { ...good, defaultPath: '/etc' }, /unknown field "defaultPath"/],
    ['a long title', { ...good, title: 'x'.repeat(LIMITS.titleChars + 1) }, /title/],
    ['a title with control characters', { ...good, title: 'a\u0000b' }, /title/],
    ['a non-string title', { ...good, title: 3 }, /title/],
    ['filters not an array', { ...good, filters: {} }, /filters must be an array/],
    ['too many filters', { ...good, filters: Array.from({ length: 21 }, () => shpFilter) }, /more than 20/],
    ['a filter without a name', { ...good, filters: [{ name: '', extensions: ['shp'] }] }, /name/],
    ['an extension with a dot', { ...good, filters: [{ name: 'a', extensions: ['.shp'] }] }, /without a dot/],
    ['an extension with a path', { ...good, filters: [{ name: 'a', extensions: ['../x'] }] }, /without a dot/],
    ['no extensions', { ...good, filters: [{ name: 'a', extensions: [] }] }, /extensions/],
    ['a filter with extra fields', { ...good, filters: [{ ...shpFilter, x: 1 }] }, /unknown field "x"/],
    ['allowFolders not boolean', { ...good, allowFolders: 'yes' }, /allowFolders/],
  ])('rejects %s', (_what, input, message) => {
    const r = validateOpenFiles(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toMatch(message);
  });
});

describe('isPlainFileName', () => {
  it.each(['叠加分析-2026-11-22.csv', 'a', 'report (1).pdf', '.hidden', 'x'.repeat(200)])('accepts %j', (n) => {
    expect(isPlainFileName(n)).toBe(true);
  });
  it.each([
    '',
    'x'.repeat(201),
    'a/b.csv',
    'a\\b.csv',
    'C:x.csv',
    'a\u0000.csv',
    'a\n.csv',
    '.',
    '..',
    '../x.csv',
    'x.csv.',
    'x.csv ',
    ' x.csv',
    'a*.csv',
    'a?.csv',
    'a<b>.csv',
    'a|b',
    'a"b',
    'CON',
    'nul.txt',
    'com1.csv',
    42,
    null,
    'COM¹.csv',
    'CONIN$',
    'a\u202ecsv.exe',
    'a\u200b.csv',
    'a\u0085.csv',
  ])('rejects %j', (n) => {
    expect(isPlainFileName(n)).toBe(false);
  });
});

describe('validateSaveFile', () => {
  const good = { suggestedName: '巡查记录.csv', filters: [{ name: 'CSV', extensions: ['csv'] }], bytes: new Uint8Array([1, 2, 3]) };
  it('accepts a good request, keeping the same bytes', () => {
    const r = validateSaveFile(good);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.bytes).toBe(good.bytes);
  });
  it('accepts a Node Buffer (a Uint8Array)', () => {
    expect(validateSaveFile({ ...good, bytes: Buffer.from('abc') }).ok).toBe(true);
  });
  it.each([
    ['a path as the name', { ...good, suggestedName: '../../evil.exe' }, /suggestedName/],
    ['an absolute Windows path', { ...good, suggestedName: 'C:\\Windows\\x.dll' }, /suggestedName/],
    ['a device name', { ...good, suggestedName: 'LPT³.csv' }, /suggestedName: the file name is a Windows device name/],
    ['a right-to-left override', { ...good, suggestedName: '报告\u202efdp.exe' }, /suggestedName: .*bidirectional/],
    ['bytes as an array', { ...good, bytes: [1, 2, 3] }, /Uint8Array/],
    ['bytes as a string', { ...good, bytes: 'abc' }, /Uint8Array/],
    ['bytes as an ArrayBuffer', { ...good, bytes: new ArrayBuffer(3) }, /Uint8Array/],
    ['bad filters', { ...good, filters: [{ name: 'x', extensions: ['a b'] }] }, /extensions/],
    ['a missing field', { suggestedName: 'a.csv', filters: [] }, /missing field "bytes"/],
  ])('rejects %s', (_what, input, message) => {
    const r = validateSaveFile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toMatch(message);
  });
  it('rejects more than 512 MiB without allocating it', () => {
    const huge = new Uint8Array(new ArrayBuffer(0));
    Object.defineProperty(huge, 'byteLength', { value: LIMITS.saveBytes + 1 });
    const r = validateSaveFile({ ...good, bytes: huge });
    expect(r).toEqual({ ok: false, reason: 'tooLarge', path: 'bytes', detail: 'saveFile: bytes exceed 512 MiB' });
  });
});

describe('validatePrintToPdf', () => {
  const good = { pageSize: { widthMm: 297, heightMm: 420 }, landscape: true, printBackground: true };
  it('accepts A3 and the limits 50 and 2000 mm', () => {
    expect(validatePrintToPdf(good)).toEqual({ ok: true, value: good });
    expect(validatePrintToPdf({ ...good, pageSize: { widthMm: 50, heightMm: 2000 } }).ok).toBe(true);
  });
  it('takes cssPageSize when given (the evidence set: CSS named pages of several sizes), as given', () => {
    expect(validatePrintToPdf({ ...good, cssPageSize: true })).toEqual({ ok: true, value: { ...good, cssPageSize: true } });
    expect(validatePrintToPdf({ ...good, cssPageSize: false })).toEqual({ ok: true, value: { ...good, cssPageSize: false } });
  });
  it.each([
    ['too small', { ...good, pageSize: { widthMm: 49.9, heightMm: 297 } }, /pageSize/],
    ['too large', { ...good, pageSize: { widthMm: 297, heightMm: 2000.1 } }, /pageSize/],
    ['NaN', { ...good, pageSize: { widthMm: NaN, heightMm: 297 } }, /pageSize/],
    ['Infinity', { ...good, pageSize: { widthMm: Infinity, heightMm: 297 } }, /pageSize/],
    ['a string size', { ...good, pageSize: { widthMm: '297', heightMm: 420 } }, /pageSize/],
    ['a named size', { ...good, pageSize: 'A3' }, /pageSize: the request must be an object/],
    ['an extra pageSize field', { ...good, pageSize: { widthMm: 297, heightMm: 420, unit: 'in' } }, /unknown field "unit"/],
    ['landscape not boolean', { ...good, landscape: 1 }, /landscape/],
    ['printBackground missing', { pageSize: good.pageSize, landscape: true }, /missing field "printBackground"/],
    ['cssPageSize not boolean', { ...good, cssPageSize: 'yes' }, /cssPageSize must be a boolean/],
    ['cssPageSize null', { ...good, cssPageSize: null }, /cssPageSize must be a boolean/],
  ])('rejects %s', (_what, input, message) => {
    const r = validatePrintToPdf(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toMatch(message);
  });
});

describe('validateReadChosenFile', () => {
  const good = { id: '0b7c2a4e-1d2f-4a5b-8c9d-0e1f2a3b4c5d', offsetBytes: 0, lengthBytes: LIMITS.readChunkBytes };
  it('accepts an id from openFiles and a chunk of at most 16 MiB', () => {
    expect(validateReadChosenFile(good)).toEqual({ ok: true, value: good });
    expect(validateReadChosenFile({ ...good, offsetBytes: LIMITS.openFileBytes, lengthBytes: 1 }).ok).toBe(true);
  });
  it.each([
    ['a chunk over 16 MiB', { ...good, lengthBytes: LIMITS.readChunkBytes + 1 }, 'tooLarge', 'lengthBytes'],
    ['an empty chunk', { ...good, lengthBytes: 0 }, 'badField', 'lengthBytes'],
    ['a fractional length', { ...good, lengthBytes: 1.5 }, 'badField', 'lengthBytes'],
    ['a negative offset', { ...good, offsetBytes: -1 }, 'badField', 'offsetBytes'],
    ['an offset past any file', { ...good, offsetBytes: LIMITS.openFileBytes + 1 }, 'badField', 'offsetBytes'],
    ['a path as the id', { ...good, id: 'C:\\Users\\x.shp' }, 'badField', 'id'],
    ['an upper-case id', { ...good, id: good.id.toUpperCase() }, 'badField', 'id'],
    ['an extra field', { ...good, path: '/etc/passwd' }, 'unknownField', 'path'],
    ['no object', 'x', 'notObject', undefined],
  ])('rejects %s', (_what, input, reason, path) => {
    const r = validateReadChosenFile(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.reason, r.path]).toEqual([reason, path]);
  });
});

describe('validateGetAppInfo', () => {
  it('takes no argument', () => {
    expect(validateGetAppInfo(undefined)).toEqual({ ok: true, value: undefined });
    expect(validateGetAppInfo({}).ok).toBe(false);
    expect(validateGetAppInfo(null).ok).toBe(false);
  });
});

describe('rejections name their reason and field (the shared Validation), and say it in English as error', () => {
  const filters = [{ name: 'CSV', extensions: ['csv'] }];
  it.each([
    ['openFiles', validateOpenFiles('x'), 'notObject', undefined],
    ['openFiles', validateOpenFiles({ title: 'a', filters, allowFolders: true, defaultPath: '/etc' }), 'unknownField', 'defaultPath'],
    ['openFiles', validateOpenFiles({ title: 'a', filters }), 'missingField', 'allowFolders'],
    ['openFiles', validateOpenFiles({ title: 'a', filters: Array.from({ length: 21 }, () => filters[0]), allowFolders: true }), 'tooMany', 'filters'],
    [
      'openFiles',
      validateOpenFiles({ title: 'a', filters: [{ name: 'a', extensions: ['.shp'] }], allowFolders: true }),
      'badField',
      'filters[0].extensions',
    ],
    ['openFiles', validateOpenFiles({ title: 'a', filters: [{ ...filters[0], x: 1 }], allowFolders: true }), 'unknownField', 'filters[0].x'],
    ['saveFile', validateSaveFile({ suggestedName: '../x', filters, bytes: new Uint8Array() }), 'badField', 'suggestedName'],
    ['printToPdf', validatePrintToPdf({ pageSize: 'A3', landscape: true, printBackground: true }), 'notObject', 'pageSize'],
    [
      'printToPdf',
      validatePrintToPdf({ pageSize: { widthMm: 297, heightMm: 420, unit: 'in' }, landscape: true, printBackground: true }),
      'unknownField',
      'pageSize.unit',
    ],
    [
      'printToPdf',
      validatePrintToPdf({ pageSize: { widthMm: 297, heightMm: 9 }, landscape: true, printBackground: true }),
      'badField',
      'pageSize.heightMm',
    ],
    ['getAppInfo', validateGetAppInfo({}), 'unexpectedArgument', undefined],
  ])('%s: %j', (_method, r, reason, path) => {
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.path).toBe(path);
    expect(r.detail.length).toBeGreaterThan(0);
  });
});

describe('validateSetOnlineOrigins', () => {
  it('takes a list of origins in their origin form, nothing else', async () => {
    const { validateSetOnlineOrigins, MAX_ONLINE_ORIGINS } = await import('./validate');
    expect(validateSetOnlineOrigins([])).toEqual({ ok: true, value: [] });
    expect(validateSetOnlineOrigins(['https://t0.tianditu.gov.cn', 'http://127.0.0.1:9000'])).toEqual({
      ok: true,
      value: ['https://t0.tianditu.gov.cn', 'http://127.0.0.1:9000'],
    });
    for (const bad of ['https://t0.tianditu.gov.cn/', 'https://t0.tianditu.gov.cn/img_w', 'ftp://x.org', 'https://u:p@x.org', 'file:///etc', '*', 7])
      expect(validateSetOnlineOrigins([bad]).ok, String(bad)).toBe(false);
    expect(validateSetOnlineOrigins('https://x.org').ok).toBe(false);
    expect(validateSetOnlineOrigins(Array.from({ length: MAX_ONLINE_ORIGINS + 1 }, (_, i) => `https://h${i}.org`))).toMatchObject({
      ok: false,
      reason: 'tooMany',
    });
  });
});
