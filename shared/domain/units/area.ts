/**
 * Area units. Branded so a figure in m² can never be printed as 亩 by mistake.
 * 1 亩 (mu) = 10000/15 m² = 666.666… m²; 1 m² = 0.0015 亩; 1 公顷 = 15 亩 (README, Domain rule 1).
 */
export type SquareMetres = number & { readonly __unit: 'm2' };
export type Mu = number & { readonly __unit: 'mu' };

export const SQUARE_METRES_PER_MU = 10000 / 15;
export const MU_PER_SQUARE_METRE = 0.0015;

export const squareMetres = (value: number): SquareMetres => value as SquareMetres;
/** m² → 亩, as m² × 0.0015 (exactly the conversion of README, Domain rule 1). */
export const toMu = (area: SquareMetres): Mu => (area * MU_PER_SQUARE_METRE) as Mu;

/**
 * The two areas every figure on evidence carries, labelled:
 * - ellipsoidalM2: geodesic area on the CGCS2000/GRS80 ellipsoid (what 三调 figures compare with);
 * - planarM2: Gauss-Krüger planar area in `zone` (what survey tables use);
 * - mu: follows the planar figure (planarM2 × 0.0015).
 */
export interface AreaFigures {
  ellipsoidalM2: SquareMetres;
  planarM2: SquareMetres;
  mu: Mu;
  /** The CGCS2000 GK zone the planar figure is in (e.g. { width: 3, zone: 39, centralMeridian: 117 }). */
  zone: GkZoneRef;
  /** 'repaired': the figures are of the boundary as GEOS MakeValid repaired it (the file's own boundary
   *  crossed or touched itself); identify and tables say so. Absent for a valid boundary. */
  boundary?: 'repaired';
}

export interface GkZoneRef {
  width: 3 | 6;
  zone: number;
  centralMeridian: number;
}
