import { describe, expect, it } from 'vitest';
import { validateMapView, wrapLongitude } from './map-view';

describe('validateMapView', () => {
  it('accepts a saved view as it is', () => {
    expect(validateMapView({ center: [117.05, 35.05], zoom: 14, bearing: 0 })).toEqual({
      ok: true,
      value: { center: [117.05, 35.05], zoom: 14, bearing: 0 },
    });
  });
  it('rejects impossible views, naming why', () => {
    expect(validateMapView(undefined)).toEqual({ ok: false, reason: 'notObject' });
    expect(validateMapView({ center: [0, 95], zoom: 3 })).toMatchObject({ ok: false, reason: 'badLatitude' });
    expect(validateMapView({ center: ['a', 1], zoom: 3 })).toMatchObject({ ok: false, reason: 'badCenter' });
    expect(validateMapView({ center: [1, 2, 3], zoom: 3 })).toMatchObject({ ok: false, reason: 'badCenter' });
    expect(validateMapView({ center: [1, 2], zoom: NaN })).toMatchObject({ ok: false, reason: 'badZoom' });
  });
  it('wraps longitudes, clamps the zoom and defaults the bearing, and says so', () => {
    expect(validateMapView({ center: [190, 10], zoom: 40 })).toEqual({
      ok: true,
      value: { center: [-170, 10], zoom: 24, bearing: 0 },
      repaired: [
        { path: 'center', code: 'wrapped' },
        { path: 'zoom', code: 'clamped' },
        { path: 'bearing', code: 'defaulted' },
      ],
    });
  });
  it('wrapLongitude', () => {
    expect(wrapLongitude(180)).toBe(180);
    expect(wrapLongitude(-540)).toBe(-180);
    expect(wrapLongitude(370)).toBe(10);
  });
});
