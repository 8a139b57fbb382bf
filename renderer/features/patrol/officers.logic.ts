/** The officers a patrol form offers: the grid's responsible people (定人员), each once, with their 执法证号. */
import type { GridArea } from '../../../shared/domain/grid/area-record';
import type { PatrolOfficer } from '../../../shared/domain/patrol/patrol-record';

export interface OfficerChoice {
  key: string;
  label: string;
  officer: PatrolOfficer;
}

const keyOf = (o: PatrolOfficer) => `${o.name}\u0000${o.certNo}`;

/**
 * Everyone named in an area's people, by name and 执法证号 (the same person in several cells once), those already on
 * the patrol left out; those with a 执法证号 first (who may enforce), then by name in the zh-CN collator's order.
 */
export function officerChoices(areas: readonly GridArea[], taken: readonly PatrolOfficer[]): OfficerChoice[] {
  const takenKeys = new Set(taken.map(keyOf));
  const seen = new Map<string, OfficerChoice>();
  for (const a of areas)
    for (const p of a.people) {
      const officer = { name: p.name.trim(), certNo: p.lawEnforcementCertNo.trim() };
      const key = keyOf(officer);
      if (officer.name === '' || takenKeys.has(key) || seen.has(key)) continue;
      seen.set(key, { key, label: officer.certNo ? `${officer.name}（${officer.certNo}）` : officer.name, officer });
    }
  const collator = new Intl.Collator('zh-CN');
  return [...seen.values()].sort((a, b) => Number(!a.officer.certNo) - Number(!b.officer.certNo) || collator.compare(a.officer.name, b.officer.name));
}
