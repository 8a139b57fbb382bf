/** Display text of an image's figures (sizes and pixel sizes), language-neutral. */
import type { GeoTiffInfo } from './geotiff-image';

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** "2 m", "0.25 m", or "1.0e-5°" for a geographic image. */
export function pixelSizeText(info: Pick<GeoTiffInfo, 'pixelSize' | 'crsKind'>): string {
  const [sx, sy] = info.pixelSize;
  if (info.crsKind === 'geographic') return `${sx.toExponential(1)}°`;
  const f = (v: number) => String(Number(v.toPrecision(4)));
  return sx === sy ? `${f(sx)} m` : `${f(sx)} × ${f(sy)} m`;
}
