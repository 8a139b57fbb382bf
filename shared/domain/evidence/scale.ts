/**
 * Scale on the evidence map sheet: the standard scale that fits a plot, the numeric scale as printed ("1:1 000"),
 * the scale bar (its segments' length on paper is exact: ground metres × 1000 / scale mm), and the meridian
 * convergence γ noted beside the north arrow (grid north is up; γ says how far true north is from it).
 */
import { makeGkToLngLat, makeLngLatToGkEN } from '../crs/transform';
import type { GkZoneRef } from '../units/area';
import { STANDARD_SCALES, type StandardScale } from './inputs';

/** "1:1 000", "1:10 000": thousands grouped by a space, as Chinese map sheets print a scale. */
export function formatScale(scale: number): string {
  const digits = String(Math.round(scale));
  return `1:${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;
}

/** The margin around the plot's bbox when a scale is fitted: 10 % of the bbox's size on each side. */
export const FIT_MARGIN = 0.1;

/**
 * The smallest standard scale (largest map) at which a ground box of `widthM` × `heightM` metres, grown by
 * FIT_MARGIN on each side, fits a frame of `frameWmm` × `frameHmm`; null when even 1:10,000 does not.
 * A degenerate plot (a point) fits at 1:500.
 */
export function fitStandardScale(widthM: number, heightM: number, frameWmm: number, frameHmm: number): StandardScale | null {
  const w = widthM * (1 + 2 * FIT_MARGIN);
  const h = heightM * (1 + 2 * FIT_MARGIN);
  for (const s of STANDARD_SCALES) if ((w * 1000) / s <= frameWmm + 1e-9 && (h * 1000) / s <= frameHmm + 1e-9) return s;
  return null;
}

/** Ground metres → paper mm at 1:scale. */
export const groundToPaperMm = (metres: number, scale: number): number => (metres * 1000) / scale;

export interface ScaleBar {
  /** Ground length of one segment, m (1, 2 or 5 × 10ⁿ). */
  segmentMetres: number;
  /** Its length on paper, mm (exact). */
  segmentMm: number;
  segments: number;
  /** Labels at each division, in metres, from 0. */
  labels: string[];
}

/**
 * A scale bar of `segments` alternating segments, each a round ground length whose paper length is as near as
 * possible to `targetSegmentMm` without the bar exceeding `maxLengthMm`.
 */
export function scaleBar(scale: number, maxLengthMm: number, segments = 4, targetSegmentMm = 10): ScaleBar {
  const candidates: number[] = [];
  for (let e = -1; e <= 5; e++) for (const m of [1, 2, 5]) candidates.push(m * 10 ** e);
  let best = candidates[0] as number;
  let bestErr = Infinity;
  for (const c of candidates) {
    const mm = groundToPaperMm(c, scale);
    if (mm * segments > maxLengthMm + 1e-9) continue;
    const err = Math.abs(Math.log(mm / targetSegmentMm));
    if (err < bestErr) {
      bestErr = err;
      best = c;
    }
  }
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return {
    segmentMetres: best,
    segmentMm: groundToPaperMm(best, scale),
    segments,
    labels: Array.from({ length: segments + 1 }, (_, i) => fmt(i * best)),
  };
}

/**
 * The meridian convergence γ at a GK point, degrees: the angle from true north to grid north, positive when grid
 * north is east of true north (east of the central meridian in the northern hemisphere), as PROJ's
 * "Convergence" reports it. Computed from the projection itself: the direction in the grid of a short step
 * north along the meridian (1e-5° of latitude, ≈ 1.1 m), so it is the same GK transform the sheet is drawn in.
 */
export function meridianConvergenceDeg(zone: GkZoneRef, zonePrefix: boolean, easting: number, northing: number): number {
  const inv = makeGkToLngLat(zone, zonePrefix);
  const fwd = makeLngLatToGkEN(zone, zonePrefix);
  const [lng, lat] = inv(easting, northing);
  const d = 1e-5;
  const [e0, n0] = fwd(lng, lat - d);
  const [e1, n1] = fwd(lng, lat + d);
  // True north's direction in the grid is (e1 − e0, n1 − n0); grid north is γ east of it: γ = −atan2(dE, dN).
  return (-Math.atan2(e1 - e0, n1 - n0) * 180) / Math.PI;
}

/** An angle as signed degrees, minutes and seconds to the second: "+0°12′34″", "−1°02′03″". */
export function formatSignedDms(deg: number): string {
  const sign = deg < 0 ? '−' : '+';
  let s = Math.round(Math.abs(deg) * 3600);
  const d = Math.floor(s / 3600);
  s -= d * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${d}°${String(m).padStart(2, '0')}′${String(s).padStart(2, '0')}″`;
}
