import { describe, expect, it } from 'vitest';
import { coordinateGrid, gridLabel, gridStepMetres } from './grid';

describe('coordinate grid', () => {
  const frame = { x: 20, y: 36, w: 170, h: 150 };

  it('puts lines at round ground values, spacing × scale / 1000 apart, at their exact paper positions', () => {
    // 1:1,000: 170 × 150 m of ground from E 500 010 / N 4 000 020
    const g = coordinateGrid({ extent: [500010, 4000020, 500180, 4000170], scale: 1000 }, frame, 100);
    expect(g.stepMetres).toBe(100);
    expect(g.eastings.map((l) => l.value)).toEqual([500100]);
    expect(g.eastings[0]!.mm).toBeCloseTo(20 + 90, 9);
    expect(g.northings.map((l) => l.value)).toEqual([4000100]);
    // 70 m below the top (4 000 170) = 70 mm down from the frame's top
    expect(g.northings[0]!.mm).toBeCloseTo(36 + 70, 9);
  });

  it('spaces lines by exactly spacingMm on paper at any scale', () => {
    const g = coordinateGrid({ extent: [39512345.6, 3356789.1, 39512345.6 + 425, 3356789.1 + 375], scale: 2500 }, frame, 50);
    expect(g.stepMetres).toBe(125);
    expect(g.eastings.map((l) => l.value)).toEqual([39512375, 39512500, 39512625, 39512750]);
    for (let i = 1; i < g.eastings.length; i++) expect(g.eastings[i]!.mm - g.eastings[i - 1]!.mm).toBeCloseTo(50, 9);
    for (let i = 1; i < g.northings.length; i++) expect(g.northings[i]!.mm - g.northings[i - 1]!.mm).toBeCloseTo(50, 9);
    for (const l of g.eastings) expect(l.value % 125).toBe(0);
    // the zone prefix stays in the label, as the data has it
    expect(g.eastings[0]!.label).toBe('39512375');
    expect(g.northings.every((l) => l.mm > frame.y && l.mm < frame.y + frame.h)).toBe(true);
  });

  it('leaves out a line on the frame edge and labels fractional steps', () => {
    const g = coordinateGrid({ extent: [0, 0, 200, 200], scale: 1000 }, { x: 0, y: 0, w: 200, h: 200 }, 100);
    expect(g.eastings.map((l) => l.value)).toEqual([100]);
    expect(gridStepMetres(10, 500)).toBe(5);
    expect(gridLabel(12.5, 2.5)).toBe('12.5');
  });
});
