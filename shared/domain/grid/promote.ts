/**
 * Areas from an imported boundary layer (the issue: "each village polygon of an XZQ/CJQ layer becomes a village
 * area, names from a chosen field"): every polygon feature becomes an area one level below the chosen parent (a
 * township's villages), named from the chosen field, its 12-digit code taken from the code field when the value is
 * a code of that level under that parent (area-code.ts) and otherwise left unknown and reported. The boundary is the
 * layer's own lon/lat geometry as the import stored it (already repaired there, README Decision 16); the zone is the
 * layer's data zone when it has one, so the area's figures are the ones identify printed for the feature.
 *
 * Nothing is dropped silently: features without a polygon or a name are listed in `skipped`, codes not used in
 * `codeIssues`, names given twice in `duplicateNames`.
 */
import type { Geometry } from 'geojson';
import type { GkZoneRef } from '../units/area';
import { fail, ok, type Validation } from '../../validation/validation';
import { checkAreaCode, type AreaCodeReason } from './area-code';
import { validateAreaGeometry } from './area-geometry';
import { createGridArea, type AreaEditInfo, type GridArea } from './area-record';
import { childLevelOf, type AreaLevel } from './levels';

/** What promotion needs of a layer's feature (a LayerFeature is one). */
export interface PromoteFeature {
  fid: number;
  geometry: Geometry | null;
  properties: Record<string, string | number | boolean | null>;
}

export interface PromoteOptions {
  /** The area the features go under (a GridArea is one). */
  parent: { id: string; level: AreaLevel; code: string | null; name: string };
  nameField: string;
  codeField?: string | null;
  /** The layer's data zone (its CRS's GK zone); default: each area's own 3° zone. */
  zone?: GkZoneRef | null;
  /** Names of the parent's children already stored: a promoted area of the same name is reported. */
  takenNames?: readonly string[];
  newId: () => string;
  edit: AreaEditInfo;
}

export interface PromoteSkip {
  fid: number;
  reason: 'noGeometry' | 'notPolygon' | 'badGeometry' | 'noName';
}

export interface PromoteCodeIssue {
  fid: number;
  value: string;
  reason: AreaCodeReason;
}

export interface PromoteResult {
  areas: GridArea[];
  skipped: PromoteSkip[];
  codeIssues: PromoteCodeIssue[];
  duplicateNames: string[];
}

export type PromoteReason = 'noChildLevel' | 'noNameField';

const text = (v: string | number | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

const NAME_FIELDS = ['XZQMC', 'CJQMC', 'ZLDWMC', 'CUNMC', 'MC', 'NAME'];
const CODE_FIELDS = ['XZQDM', 'CJQDM', 'ZLDWDM', 'CUNDM', 'DM', 'CODE'];

/** The fields a boundary layer most likely names and codes its polygons by (XZQ: XZQMC/XZQDM; CJQ: CJQMC/CJQDM). */
export function suggestPromoteFields(fieldNames: readonly string[]): { nameField: string | null; codeField: string | null } {
  const find = (wanted: string[]): string | null => {
    for (const w of wanted) {
      const f = fieldNames.find((n) => n.toUpperCase() === w);
      if (f !== undefined) return f;
    }
    return null;
  };
  return { nameField: find(NAME_FIELDS), codeField: find(CODE_FIELDS) };
}

export function promoteFeatures(features: readonly PromoteFeature[], opts: PromoteOptions): Validation<PromoteResult, PromoteReason> {
  const level = childLevelOf(opts.parent.level);
  if (level === null) return fail('noChildLevel', 'parent.level', 'a cell has no children');
  if (opts.nameField === '') return fail('noNameField', 'nameField');
  const edit: AreaEditInfo = { ...opts.edit, change: opts.edit.change ?? 'promoted' };
  const areas: GridArea[] = [];
  const skipped: PromoteSkip[] = [];
  const codeIssues: PromoteCodeIssue[] = [];
  const seen = new Set(opts.takenNames ?? []);
  const duplicates = new Set<string>();
  for (const f of features) {
    if (!f.geometry) {
      skipped.push({ fid: f.fid, reason: 'noGeometry' });
      continue;
    }
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
      skipped.push({ fid: f.fid, reason: 'notPolygon' });
      continue;
    }
    const geometry = validateAreaGeometry(f.geometry);
    if (!geometry.ok) {
      skipped.push({ fid: f.fid, reason: 'badGeometry' });
      continue;
    }
    const name = text(f.properties[opts.nameField]);
    if (name === '') {
      skipped.push({ fid: f.fid, reason: 'noName' });
      continue;
    }
    let code: string | null = null;
    if (opts.codeField) {
      const value = text(f.properties[opts.codeField]);
      if (value !== '') {
        const checked = checkAreaCode(level, value, opts.parent);
        if (checked.ok) code = checked.value;
        else codeIssues.push({ fid: f.fid, value, reason: checked.reason });
      }
    }
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
    const r = createGridArea(
      { id: opts.newId(), level, parentId: opts.parent.id, name, code, geometry: geometry.value, zone: opts.zone ?? null },
      edit,
    );
    // Every field was checked above: a failure here is a bug, not the layer's data.
    if (!r.ok) throw new Error(`promoteFeatures: feature ${f.fid} made no area (${r.reason})`);
    areas.push(r.value);
  }
  return ok({ areas, skipped, codeIssues, duplicateNames: [...duplicates] });
}
