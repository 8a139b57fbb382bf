/**
 * The CGCS2000 Gauss-Krüger zone of a plot's points (README, Domain rule 4): from the zone prefix its Y carries
 * (8 digits: 13–23 → 6°, 25–45 → 3°), else from the zone the user gave (--zone, the dialog), else from the file's
 * own header (报盘 `几度分带`/`带号`); otherwise unknown — a 6-digit Y needs its central meridian from the user, and
 * is never guessed.
 */
import { centralMeridianOfZone, gkEpsg, isChinaZone } from '../crs/zones';
import type { GkZoneRef } from '../units/area';
import type { DeclaredZone, SurveyPoint } from '../../formats/survey/types';

export type ZoneSource = 'prefix' | 'option' | 'header';

export type ZoneDecision =
  | { kind: 'known'; zone: GkZoneRef; prefix: boolean; epsg: number; source: ZoneSource; mismatch?: { given: number; source: ZoneSource } }
  | { kind: 'unknown'; reason: 'noPrefix' | 'mixedPrefixes' | 'prefixNotChina' };

/** A zone number alone names its width: 13–23 are 6° zones, 25–45 are 3° zones (the two ranges do not meet). */
export function zoneFromNumber(n: number): DeclaredZone | null {
  if (isChinaZone(6, n)) return { width: 6, zone: n };
  if (isChinaZone(3, n)) return { width: 3, zone: n };
  return null;
}

const ref = (z: DeclaredZone): GkZoneRef => ({ width: z.width, zone: z.zone, centralMeridian: centralMeridianOfZone(z.width, z.zone) });

export function decideZone(points: readonly SurveyPoint[], opts: { option?: DeclaredZone; header?: DeclaredZone } = {}): ZoneDecision {
  const prefixes = new Set(points.map((p) => (p.y >= 10_000_000 ? Math.floor(p.y / 1_000_000) : 0)));
  const given: [DeclaredZone, ZoneSource][] = [];
  if (opts.option) given.push([opts.option, 'option']);
  if (opts.header) given.push([opts.header, 'header']);
  if (prefixes.size > 1) return { kind: 'unknown', reason: 'mixedPrefixes' };
  const only = [...prefixes][0] ?? 0;
  if (only !== 0) {
    const z = zoneFromNumber(only);
    if (!z) return { kind: 'unknown', reason: 'prefixNotChina' };
    const d: ZoneDecision = {
      kind: 'known',
      zone: ref(z),
      prefix: true,
      epsg: gkEpsg('CGCS2000', z.width, z.zone, true) as number,
      source: 'prefix',
    };
    const other = given.find(([g]) => g.zone !== z.zone || g.width !== z.width);
    if (other) d.mismatch = { given: other[0].zone, source: other[1] };
    return d;
  }
  const first = given[0];
  if (!first) return { kind: 'unknown', reason: 'noPrefix' };
  const [z, source] = first;
  const d: ZoneDecision = { kind: 'known', zone: ref(z), prefix: false, epsg: gkEpsg('CGCS2000', z.width, z.zone, false) as number, source };
  const other = given.slice(1).find(([g]) => g.zone !== z.zone || g.width !== z.width);
  if (other) d.mismatch = { given: other[0].zone, source: other[1] };
  return d;
}
