import { describe, expect, it } from 'vitest';
import type { ColorRule, LayerStyle } from '../../shared/domain/layers/kind';
import { colorExpression, paintFor, styleKeyFor, fillOutlineColor } from './style-expressions';

const dl: ColorRule = {
  type: 'categorical',
  field: 'DLBM',
  stops: [
    { value: '01', color: '#ffff64', label: '耕地' },
    { value: '0101', color: '#00ff00', label: '水田' },
    { value: '03', color: '#008000', label: '林地' },
  ],
  defaultColor: '#cccccc',
};

describe('styleKeyFor', () => {
  it('takes the longest matching prefix', () => {
    expect(styleKeyFor(dl, { DLBM: '0101' })).toBe(1);
    expect(styleKeyFor(dl, { DLBM: '0103' })).toBe(0);
    expect(styleKeyFor(dl, { DLBM: '0301K' })).toBe(2);
  });
  it('returns -1 for no match, null values and constant rules', () => {
    expect(styleKeyFor(dl, { DLBM: '12' })).toBe(-1);
    expect(styleKeyFor(dl, { DLBM: null })).toBe(-1);
    expect(styleKeyFor({ type: 'constant', color: '#f00' }, { DLBM: '01' })).toBe(-1);
    expect(styleKeyFor(null, {})).toBe(-1);
  });
});

describe('colorExpression', () => {
  it('builds a match on the style key', () => {
    expect(colorExpression(dl)).toEqual(['match', ['to-number', ['get', '_k'], -1], 0, '#ffff64', 1, '#00ff00', 2, '#008000', '#cccccc']);
  });
  it('is the colour itself for constants and empty categorical rules', () => {
    expect(colorExpression({ type: 'constant', color: '#ff0' })).toBe('#ff0');
    expect(colorExpression({ ...dl, stops: [] })).toBe('#cccccc');
  });
});

describe('paintFor', () => {
  const style: LayerStyle = {
    fill: { type: 'constant', color: '#ffff00' },
    fillOpacity: 0.6,
    line: { color: '#ff0000', widthPx: 1.5, dash: [2, 1] },
  };
  it('multiplies the layer opacity into fill and line', () => {
    const p = paintFor(style, 0.5);
    expect(p.fill?.['fill-opacity']).toBeCloseTo(0.3);
    expect(p.line['line-opacity']).toBe(0.5);
    expect(p.line['line-dasharray']).toEqual([2, 1]);
  });
  it('has no fill for outline-only styles and clamps opacity', () => {
    expect(paintFor({ ...style, fill: null }, 2).fill).toBeNull();
    expect(paintFor({ ...style, fill: null }, 2).line['line-opacity']).toBe(1);
  });
});

describe('fillOutlineColor', () => {
  const farmland = { fill: { type: 'constant' as const, color: '#ffff00' }, fillOpacity: 0.5, line: { color: '#ff0000', widthPx: 2 } };
  it('small layers: the boundary colour at every zoom', () => {
    expect(fillOutlineColor(farmland, 0)).toBe('#ff0000');
  });
  it('large layers: the fill colour below the outline zoom, the boundary colour from it on', () => {
    expect(fillOutlineColor(farmland, 14)).toEqual(['step', ['zoom'], '#ffff00', 14, '#ff0000']);
  });
});
