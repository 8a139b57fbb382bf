/** Display text of an image's figures (sizes and pixel sizes), language-neutral. */
import type { GeoTiffInfo } from './geotiff-image';

/** "2 m", "0.25 m", or "1.0e-5°" for a geographic image. */
export function pixelSizeText(info: Pick<GeoTiffInfo, 'pixelSize' | 'crsKind'>): string {
  const [sx, sy] = info.pixelSize;
  if (info.crsKind === 'geographic') return `${sx.toExponential(1)}°`;
  const f = (v: number) => String(Number(v.toPrecision(4)));
  return sx === sy ? `${f(sx)} m` : `${f(sx)} × ${f(sy)} m`;
}
