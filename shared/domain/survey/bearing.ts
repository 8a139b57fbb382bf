/**
 * 坐标方位角 (grid bearing): the angle from grid north (the X axis of the Gauss-Krüger zone) clockwise to the line,
 * 0° ≤ α < 360°, α = atan2(ΔY, ΔX). Printed in degrees, minutes and seconds as survey tables do.
 */
export interface GridPoint {
  /** north, metres */
  x: number;
  /** east, metres (prefix or not: only differences count) */
  y: number;
}

const DEG = 180 / Math.PI;

/** Grid bearing in decimal degrees, [0, 360); NaN for two points at the same place. */
export function gridBearingDegrees(from: GridPoint, to: GridPoint): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0 && dy === 0) return NaN;
  const a = Math.atan2(dy, dx) * DEG;
  return a < 0 ? a + 360 : a;
}

export interface Dms {
  degrees: number;
  minutes: number;
  seconds: number;
}

/** Degrees → °′″ with seconds rounded to `secondDecimals`, carried so 59.95″ never prints as 60.0″. */
export function toDms(deg: number, secondDecimals = 1): Dms {
  const scale = 10 ** secondDecimals;
  let total = Math.round(Math.abs(deg) * 3600 * scale); // in units of 10^-d seconds
  const perDegree = 3600 * scale;
  const degrees = Math.floor(total / perDegree);
  total -= degrees * perDegree;
  const minutes = Math.floor(total / (60 * scale));
  total -= minutes * 60 * scale;
  const whole = deg >= 0 && degrees === 360 ? 0 : degrees; // 359°59′59.96″ rounds to 0°00′00.0″, not 360°
  return { degrees: deg < 0 ? -whole : whole, minutes, seconds: total / scale };
}

/** "123°04′05.6″" (the 0.1″ of survey tables); "—" when not a number. */
export function formatDms(deg: number, secondDecimals = 1): string {
  if (!Number.isFinite(deg)) return '—';
  const d = toDms(deg, secondDecimals);
  const s = d.seconds.toFixed(secondDecimals).padStart(secondDecimals > 0 ? 3 + secondDecimals : 2, '0');
  return `${d.degrees}°${String(d.minutes).padStart(2, '0')}′${s}″`;
}
