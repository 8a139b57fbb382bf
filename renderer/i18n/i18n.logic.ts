import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';
import type { Lang } from '../../shared/i18n/issues';

export type { Lang, MessageKey };
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const TABLES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

export const isLang = (v: unknown): v is Lang => v === 'zh-CN' || v === 'en';

/** Fills `{name}` placeholders; an unknown placeholder is left as is so a missing param is visible. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = TABLES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Numbers with grouping, in the UI language (10,653 / 10,653). */
export function formatNumber(lang: Lang, value: number, fractionDigits = 0): string {
  return value.toLocaleString(lang === 'zh-CN' ? 'zh-CN' : 'en-US', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}
