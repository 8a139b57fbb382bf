import { describe, expect, it } from 'vitest';
import { formatSurveyIssue, SURVEY_MESSAGES } from './survey';

const placeholders = (t: string): string[] => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

describe('survey messages', () => {
  it('exist in both languages with the same placeholders, each naming the file first', () => {
    expect(Object.keys(SURVEY_MESSAGES.en).sort()).toEqual(Object.keys(SURVEY_MESSAGES['zh-CN']).sort());
    for (const [code, zh] of Object.entries(SURVEY_MESSAGES['zh-CN'])) {
      const en = SURVEY_MESSAGES.en[code as keyof typeof SURVEY_MESSAGES.en];
      expect(placeholders(en)).toEqual(placeholders(zh));
      expect(zh.startsWith('{file}：')).toBe(true);
      expect(en.startsWith('{file}: ')).toBe(true);
    }
  });

  it('say reasons in words, with their own parameters, and a missing parameter as "?"', () => {
    const bowtie = {
      code: 'survey.notSimple',
      severity: 'error',
      file: 'a.dat',
      params: { plot: 'a', ring: 1, reason: 'selfIntersection', sideA: 'J2–J3', sideB: 'J4–J1' },
    } as const;
    expect(formatSurveyIssue(bowtie, 'zh-CN')).toBe('a.dat：地块“a”第 1 圈的界址线不是简单多边形，不计算面积：边 J2–J3 与边 J4–J1 相交（如“8”字形）');
    expect(formatSurveyIssue(bowtie, 'en')).toBe(
      'a.dat: plot "a" ring 1: the boundary is not a simple polygon; no area computed: side J2–J3 crosses side J4–J1 (a bowtie)',
    );
    expect(
      formatSurveyIssue({ code: 'survey.zoneUnknown', severity: 'warning', file: 'x.dat', params: { plot: 'x', reason: 'noPrefix' } }, 'zh-CN'),
    ).toBe('x.dat：地块“x”无法确定投影带（Y 坐标不带带号，文件也未说明），只计算了平面面积和边长；请用 --zone 指定带号，例如 --zone 39');
    expect(formatSurveyIssue({ code: 'survey.badLines', severity: 'warning', file: 'b.dat' }, 'en')).toBe(
      'b.dat: ? line(s) are not points; skipped (line ?)',
    );
  });
});
