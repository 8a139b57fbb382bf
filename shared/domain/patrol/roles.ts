/**
 * Who holds which role for the patrol rules (by township office, county brigade, leader), read from the grid's
 * responsible people (定人员): a person named on the county is the county brigade's (its 负责人 a leader); a person
 * named on a township, a village or a cell is the township office's. Someone named in several places holds the
 * highest of those roles (a brigade officer also named on a cell is still the brigade's). An officer the grid does
 * not name holds no role: only `by: any` rules count their patrols. One rule for the compliance view and the
 * monthly report, so they count alike.
 */
import type { AreaLevel } from '../grid/levels';
import type { OfficerRole } from './compliance';
import type { PatrolOfficer } from './patrol-record';

const ROLE_RANK: Record<OfficerRole, number> = { township: 0, county: 1, leader: 2 };

/** The key an officer is known by: the 执法证号 when there is one, else the name (assistants carry none). */
export const officerKey = (o: { name: string; certNo: string }): string =>
  o.certNo.trim() !== '' ? `cert:${o.certNo.trim()}` : `name:${o.name.trim()}`;

/** What the rule reads of an area: its level and its people. */
export interface RoleArea {
  level: AreaLevel;
  people: readonly { name: string; role: string; lawEnforcementCertNo: string }[];
}

/** The roles as [key, role] entries (plain data: a worker can be sent them). */
export function officerRoleEntries(areas: readonly RoleArea[]): [string, OfficerRole][] {
  const roles = new Map<string, OfficerRole>();
  const give = (key: string, role: OfficerRole) => {
    const had = roles.get(key);
    if (!had || ROLE_RANK[role] > ROLE_RANK[had]) roles.set(key, role);
  };
  for (const a of areas)
    for (const p of a.people) {
      const role: OfficerRole = a.level === 'county' ? (p.role === '负责人' ? 'leader' : 'county') : 'township';
      give(officerKey({ name: p.name, certNo: p.lawEnforcementCertNo }), role);
      // A patrol typed with the name only still finds a person whose certificate is on file.
      if (p.lawEnforcementCertNo.trim() !== '') give(`name:${p.name.trim()}`, role);
    }
  return [...roles];
}

/** The lookup computeCompliance takes (`roleOf`), from the entries. */
export function roleLookup(entries: readonly (readonly [string, OfficerRole])[]): (o: PatrolOfficer) => OfficerRole | null {
  const roles = new Map(entries);
  return (o) => roles.get(officerKey(o)) ?? roles.get(`name:${o.name.trim()}`) ?? null;
}

export const officerRolesOf = (areas: readonly RoleArea[]): ((o: PatrolOfficer) => OfficerRole | null) => roleLookup(officerRoleEntries(areas));
