/**
 * A grid area as the flat, Chinese-named attributes a GIS user reads (the GeoJSON properties and the shapefile's
 * DBF columns), and back. The columns say what an office asks of a cell ("五定": 名称, 编码, 负责人 with role,
 * 执法证号 and phone, 职责, 重点区域, 巡查规则) plus its id and its parent's, so a file edited in QGIS or ArcGIS still
 * comes back into the right place. Planar m² and 亩 are the engine's (GK zone of the area, 亩 = m² × 0.0015,
 * Domain rule 1): informative, never read back.
 */
import type { AreaPerson, GridArea, KeyAreaKind, NewGridArea } from '../../domain/grid/area-record';
import { KEY_AREA_KINDS } from '../../domain/grid/area-record';
import { AREA_LEVELS, type AreaLevel } from '../../domain/grid/levels';
import { planarAreaM2, projectToZone } from '../../domain/geometry/area';
import { squareMetres, toMu } from '../../domain/units/area';
import { roundTo } from '../../domain/units/format';
import type { AttributeValue } from '../types';

/** One column: its GeoJSON key (the full name) and its DBF names (≤ 10 bytes in GBK; in UTF-8 a Chinese character is 3). */
export interface GridColumn {
  key: string;
  gbk: string;
  utf8: string;
  type: 'C' | 'N';
  decimals?: number;
}

export const GRID_COLUMNS = [
  { key: '区域ID', gbk: '区域ID', utf8: '区域ID', type: 'C' },
  { key: '级别', gbk: '级别', utf8: '级别', type: 'C' },
  { key: '编码', gbk: '编码', utf8: '编码', type: 'C' },
  { key: '名称', gbk: '名称', utf8: '名称', type: 'C' },
  { key: '上级ID', gbk: '上级ID', utf8: '上级ID', type: 'C' },
  { key: '上级名称', gbk: '上级名称', utf8: '上级名', type: 'C' },
  { key: '负责人', gbk: '负责人', utf8: '负责人', type: 'C' },
  { key: '职责', gbk: '职责', utf8: '职责', type: 'C' },
  { key: '重点区域', gbk: '重点区域', utf8: '重点区', type: 'C' },
  { key: '巡查规则', gbk: '巡查规则', utf8: '规则', type: 'C' },
  { key: '坐标带', gbk: '坐标带', utf8: '带号', type: 'C' },
  { key: '平面面积', gbk: '平面面积', utf8: '面积m2', type: 'N', decimals: 2 },
  { key: '亩', gbk: '亩', utf8: '亩', type: 'N', decimals: 4 },
] as const satisfies readonly GridColumn[];

/** The level as offices write it. */
export const LEVEL_LABELS: Record<AreaLevel, string> = { county: '县区', township: '乡镇', village: '村', cell: '网格单元' };

const LEVEL_WORDS: Record<string, AreaLevel> = {
  县区: 'county',
  县: 'county',
  区: 'county',
  '县/区': 'county',
  乡镇: 'township',
  镇: 'township',
  乡: 'township',
  街道: 'township',
  村: 'village',
  社区: 'village',
  网格单元: 'cell',
  网格: 'cell',
  单元: 'cell',
};

/** A level from its label (or the code name), or null. */
export function levelOfLabel(v: unknown): AreaLevel | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if ((AREA_LEVELS as readonly string[]).includes(t)) return t as AreaLevel;
  return LEVEL_WORDS[t] ?? null;
}

/** "王芳(执法监察员,鲁370300123,13800000000)", people joined by "；". */
export function peopleText(people: readonly AreaPerson[]): string {
  return people.map((p) => `${p.name}(${p.role},${p.lawEnforcementCertNo},${p.phone})`).join('；');
}

/** peopleText back: each "name(role,证号,phone)"; a bare name is a person with the default role. */
export function parsePeopleText(text: string): AreaPerson[] {
  const out: AreaPerson[] = [];
  for (const part of text.split(/[；;]/)) {
    const s = part.trim();
    if (s === '') continue;
    const m = /^(.*?)[(（](.*)[)）]$/.exec(s);
    if (!m) {
      out.push({ name: s, role: '网格员', lawEnforcementCertNo: '', phone: '' });
      continue;
    }
    const [role = '', cert = '', phone = ''] = (m[2] ?? '').split(/[,，]/).map((x) => x.trim());
    out.push({ name: (m[1] ?? '').trim(), role: role || '网格员', lawEnforcementCertNo: cert, phone });
  }
  return out.filter((p) => p.name !== '');
}

export const zoneLabel = (a: GridArea): string => (a.zone ? `${a.zone.width}°带${a.zone.zone}` : '');

/** The row of one area (parents looked up in `byId` for their names). */
export function gridProperties(a: GridArea, byId: ReadonlyMap<string, GridArea>): Record<string, AttributeValue> {
  const planar = a.geometry && a.zone ? planarAreaM2(projectToZone(a.geometry, a.zone)) : null;
  return {
    区域ID: a.id,
    级别: LEVEL_LABELS[a.level],
    编码: a.code,
    名称: a.name,
    上级ID: a.parentId,
    上级名称: a.parentId ? (byId.get(a.parentId)?.name ?? null) : null,
    负责人: peopleText(a.people),
    职责: a.duties,
    重点区域: a.keyArea?.kind ?? null,
    巡查规则: a.ruleIds.join(','),
    坐标带: zoneLabel(a),
    平面面积: planar === null ? null : roundTo(planar, 2),
    亩: planar === null ? null : roundTo(toMu(squareMetres(planar)), 4),
  };
}

/** A value under any of the column's names (GeoJSON key, GBK or UTF-8 DBF name). */
function pick(props: Readonly<Record<string, unknown>>, col: GridColumn): unknown {
  for (const k of [col.key, col.gbk, col.utf8]) if (props[k] !== undefined && props[k] !== null) return props[k];
  return null;
}

const column = (key: (typeof GRID_COLUMNS)[number]['key']): GridColumn => GRID_COLUMNS.find((c) => c.key === key) as GridColumn;
const textOr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).trim() || null);

export type PropertiesReason = 'noLevel' | 'noName';

/**
 * What a row says of its area, for createGridArea (which validates it): `newId` gives an id when the row has none.
 * Refused: no level (a file that is not a grid) or no name.
 */
export function areaFromProperties(
  props: Readonly<Record<string, unknown>>,
  geometry: unknown,
  newId: () => string,
): { ok: true; value: NewGridArea } | { ok: false; reason: PropertiesReason } {
  const level = levelOfLabel(pick(props, column('级别')));
  if (!level) return { ok: false, reason: 'noLevel' };
  const name = textOr(pick(props, column('名称')));
  if (!name) return { ok: false, reason: 'noName' };
  const key = textOr(pick(props, column('重点区域')));
  const rules = textOr(pick(props, column('巡查规则')));
  return {
    ok: true,
    value: {
      id: textOr(pick(props, column('区域ID'))) ?? newId(),
      level,
      name,
      parentId: textOr(pick(props, column('上级ID'))),
      code: textOr(pick(props, column('编码'))),
      geometry: (geometry ?? null) as NewGridArea['geometry'],
      people: parsePeopleText(textOr(pick(props, column('负责人'))) ?? ''),
      duties: textOr(pick(props, column('职责'))) ?? '',
      ruleIds: rules
        ? rules
            .split(/[,，]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
      keyArea: key ? { kind: (KEY_AREA_KINDS as readonly string[]).includes(key) ? (key as KeyAreaKind) : '其他' } : null,
    },
  };
}
