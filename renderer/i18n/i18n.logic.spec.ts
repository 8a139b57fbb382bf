import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { formatNumber, translate } from './i18n.logic';

describe('i18n', () => {
  it('has the same keys in both languages and no empty string', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const v of [...Object.values(en), ...Object.values(zhCN)]) expect(v.length).toBeGreaterThan(0);
  });
  it('keeps the same placeholders in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const k of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(ph(en[k]), k).toBe(ph(zhCN[k]));
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'layers.features', { count: 3 })).toBe('3 个要素');
    expect(translate('en', 'layers.features')).toBe('{count} features');
  });
  it('groups thousands', () => {
    expect(formatNumber('zh-CN', 10653)).toBe('10,653');
    expect(formatNumber('en', 1.5, 2)).toBe('1.50');
  });
});
