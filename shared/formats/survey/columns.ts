/**
 * Which coordinate is north, from magnitudes alone (README, Domain rule "Survey files"): in China a Gauss-Krüger
 * northing X is 1 000 000–6 500 000 m (18°N ≈ 1 990 km, 53.5°N ≈ 5 930 km); an easting Y is 100 000–1 000 000 m
 * (false easting 500 000 ± 330 km at a 6° zone's edge), or 8 digits with a zone prefix 13–23 (6°) or 25–45 (3°).
 * The two ranges do not overlap, so one pair of numbers decides its own order.
 */

export const isNorthingLike = (v: number): boolean => v >= 1_000_000 && v <= 6_500_000;

export function isEastingLike(v: number): boolean {
  if (v >= 100_000 && v < 1_000_000) return true;
  const zone = Math.floor(v / 1_000_000);
  const rest = v - zone * 1_000_000;
  return ((zone >= 13 && zone <= 23) || (zone >= 25 && zone <= 45)) && rest >= 100_000 && rest < 1_000_000;
}

export type PairOrder = 'YX' | 'XY' | null;

/** 'YX' when (a, b) reads as (east, north), 'XY' when it reads as (north, east), null when the numbers cannot tell. */
export function pairOrder(a: number, b: number): PairOrder {
  if (isEastingLike(a) && isNorthingLike(b)) return 'YX';
  if (isNorthingLike(a) && isEastingLike(b)) return 'XY';
  return null;
}

export const isLongitudeLike = (v: number): boolean => v >= 73 && v <= 135;
export const isLatitudeLike = (v: number): boolean => v >= 3 && v <= 54;
