import { describe, expect, it } from 'vitest';
import { formatDegrees, metresPerPixel, roundScale, scaleDenominator, coordinateTexts } from './statusbar.logic';

describe('scale', () => {
  it('uses 512-px tiles: zoom 0 at the equator is 78,271.5 m/px', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
  });
  it('halves with each zoom level and shrinks with cos(lat)', () => {
    expect(metresPerPixel(1, 0)).toBeCloseTo(metresPerPixel(0, 0) / 2, 6);
    expect(metresPerPixel(10, 60)).toBeCloseTo(metresPerPixel(10, 0) / 2, 6);
  });
  it('gives 1:N at 96 dpi', () => {
    // zoom 15 at 30°N: 40075016.686·cos30°/(512·2^15) = 2.0686 m/px; / (0.0254/96) m = 7818.4
    expect(scaleDenominator(15, 30)).toBeCloseTo(7818.4, 0);
    expect(scaleDenominator(0, 0)).toBeCloseTo(295829355.5, 0); // 78271.517 m / 0.000264583 m
  });
  it('rounds to three significant digits', () => {
    expect(roundScale(7818.4)).toBe(7820);
    expect(roundScale(123456)).toBe(123000);
    expect(roundScale(456.7)).toBe(457);
    expect(roundScale(Number.NaN)).toBe(0);
  });
  it('formats degrees with 7 decimals', () => {
    expect(formatDegrees(117.5)).toBe('117.5000000');
  });
});

describe('coordinateTexts (复制坐标)', () => {
  // Expected X/Y from PROJ: /usr/bin/python3 -c "from pyproj import Transformer; print(Transformer.from_crs(4490, 4527,
  // always_xy=True).transform(117.1234567, 35.0123456))" → (39511268.446, 3875969.496); 4528 for 120.5°E 30.25°N.
  it('gives lon, lat and X (north), Y (east, zone prefix) in the data zone, or the 3° zone under the point', () => {
    const zone39 = { width: 3 as const, zone: 39, centralMeridian: 117 };
    expect(coordinateTexts(zone39, 117.1234567, 35.0123456)).toEqual({ lngLat: '117.1234567, 35.0123456', gk: 'X=3875969.496, Y=39511268.446' });
    expect(coordinateTexts(null, 120.5, 30.25).gk).toBe('X=3347932.816, Y=40548122.063');
  });
});
