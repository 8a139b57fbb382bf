/**
 * The JSON `landpatrol survey` prints for each plot: points (X = north, Y = east as the file has it), sides, closing
 * error and areas rounded as the other commands round them (shared/domain/units JSON_DIGITS), and every issue of the
 * plot and its file with its message in Chinese and English. Pure, so it is unit-tested without the disk.
 */
import type { SurveyPlot } from '../../shared/domain/survey/plot';
import { JSON_DIGITS, roundTo } from '../../shared/domain/units/format';
import type { SurveyFile, SurveyIssue } from '../../shared/formats/survey/types';
import { formatSurveyIssue } from '../../shared/i18n/survey';

const m = (v: number): number => roundTo(v, JSON_DIGITS.metres);

export interface SurveyIssueJson {
  code: string;
  severity: string;
  file: string;
  message: string;
  messageEn: string;
}

export const surveyIssueJson = (i: SurveyIssue): SurveyIssueJson => ({
  code: i.code,
  severity: i.severity,
  file: i.file,
  message: formatSurveyIssue(i, 'zh-CN'),
  messageEn: formatSurveyIssue(i, 'en'),
});

const ZONE_LABEL = (width: number, zone: number, prefix: boolean): string =>
  `CGCS2000 / ${width}-degree Gauss-Kruger ${prefix ? `zone ${zone}` : `CM ${width === 3 ? 3 * zone : 6 * zone - 3}E`}`;

export function surveyPlotJson(file: SurveyFile, p: SurveyPlot) {
  const z = p.zone;
  return {
    file: file.file,
    format: file.format,
    encoding: file.encoding,
    name: p.name,
    method: p.method,
    crs: z.kind === 'known' ? { epsg: z.epsg, label: ZONE_LABEL(z.zone.width, z.zone.zone, z.prefix) } : null,
    // Lon/lat points (GPX, KML) were put into their zone by the reader: say where that zone came from, not "prefix".
    zone:
      z.kind === 'known'
        ? {
            width: z.zone.width,
            zone: z.zone.zone,
            centralMeridian: z.zone.centralMeridian,
            prefix: z.prefix,
            source: file.projectedInto?.source ?? z.source,
          }
        : null,
    points: p.rings.flatMap((r) => r.points.map((q) => ({ name: q.name, x: m(q.x), y: m(q.y), ...(q.h !== undefined ? { h: m(q.h) } : {}) }))),
    // 边长 of every ring in order, each ring's last side back to its first point.
    sides: p.rings.flatMap((r) => r.sidesMetres.map(m)),
    sidesGeodesic: z.kind === 'known' ? p.rings.flatMap((r) => (r.sidesGeodesicMetres ?? []).map(m)) : null,
    closureMetres: m(p.closureMetres),
    rings: p.rings.map((r) => ({
      ring: r.ringNo,
      role: r.role,
      points: r.points.length,
      closed: r.closed,
      closureMetres: m(r.closureMetres),
      clockwise: r.clockwise,
    })),
    // Planar in the zone (survey tables), ellipsoidal on CGCS2000 (三调), 亩 from the planar figure; null when refused.
    area: p.area
      ? {
          planarM2: roundTo(p.area.planarM2, JSON_DIGITS.m2),
          ellipsoidalM2: p.area.ellipsoidalM2 === null ? null : roundTo(p.area.ellipsoidalM2, JSON_DIGITS.m2),
          mu: roundTo(p.area.mu, JSON_DIGITS.mu),
        }
      : null,
    simple: p.refusal === null,
    warnings: [...file.issues, ...p.issues].map(surveyIssueJson),
  };
}
