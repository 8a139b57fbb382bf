import { describe, expect, it } from 'vitest';
import { fillPlaceholders, PageFlow, placeholdersOf, wrapLines } from './text-wrap';
import { textWidthMm } from './text-measure';

describe('wrapLines', () => {
  it('keeps every line within the width, breaks between CJK characters, keeps Latin words and a first-line indent', () => {
    const text =
      '\u3000\u3000经查，你（单位）自2026年3月1日起，未经批准，在杏园镇杏园村占用土地用于建材堆场及厂房，占地面积3296.36平方米（合4.9445亩）。';
    const lines = wrapLines(text, 80, 12);
    expect(lines.join('')).toBe(text);
    expect(lines[0]!.startsWith('\u3000\u3000')).toBe(true);
    for (const line of lines) expect(textWidthMm(line, 12)).toBeLessThanOrEqual(80 + textWidthMm('。', 12));
    expect(lines.some((x) => /3296\.3$/.test(x))).toBe(false);
  });

  it('hangs closing punctuation, moves an opening bracket down, cuts a word longer than the line', () => {
    const w = textWidthMm('一二三四五', 10);
    expect(wrapLines('一二三四五。六', w, 10)).toEqual(['一二三四五。', '六']);
    expect(wrapLines('一二三四（五六）', w, 10)).toEqual(['一二三四', '（五六）']);
    const long = wrapLines('a'.repeat(40), textWidthMm('a'.repeat(10), 10), 10);
    expect(long).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(10), 'a'.repeat(10)]);
    expect(wrapLines('第一行\n第二行', 100, 10)).toEqual(['第一行', '第二行']);
    expect(wrapLines('', 100, 10)).toEqual(['']);
  });
});

describe('placeholders', () => {
  it('fills the known, leaves the unknown visible, and lists them', () => {
    expect(fillPlaceholders('{party}：于{date}，{x}', { party: '某公司', date: '2026年4月20日' })).toBe('某公司：于2026年4月20日，{x}');
    expect(placeholdersOf('{a}{b}{a}')).toEqual(['a', 'b']);
  });
});

describe('PageFlow', () => {
  it('starts a new page with its heading when a block does not fit, never leaving an empty page', () => {
    const heads: number[] = [];
    const flow = new PageFlow(100, (marks, i) => (heads.push(i), marks.push({ kind: 'text', x: 0, y: 5, text: `h${i}`, sizePt: 10 }), 20));
    flow.ensure(50);
    flow.y += 50;
    expect(flow.pages).toHaveLength(1);
    flow.ensure(40);
    expect(flow.pages).toHaveLength(2);
    expect(flow.y).toBe(20);
    // A block taller than a page goes on the fresh page, not on a new empty one.
    flow.ensure(500);
    expect(flow.pages).toHaveLength(2);
    expect(heads).toEqual([0, 1]);
  });
});
