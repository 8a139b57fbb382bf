/**
 * The layer record (tldraw's record files): what the app stores about one layer — its name, kind, place in the
 * drawing order, visibility, style and what the import learnt — beside its data (the layerData Blobs) and its
 * source files. One module holds the type, its branded id, its record version, the validator every read goes
 * through, the factory every write goes through, and the migrations from older versions.
 */
import { isBoolean, isFiniteNumber, isNonEmptyString, isObject, isString } from '../../validation/guards';
import { addRecordVersion, migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, repairsWithin, within, type Repair, type Validation } from '../../validation/validation';
import { LAYER_KINDS, type LayerKind, type LayerStyle } from './kind';
import { restoreLayerMeta, type LayerMeta } from './layer-meta';
import { clampUnit, validateLayerStyle, type LayerStyleReason } from './layer-style';

export type { LayerMeta } from './layer-meta';

/** A layer's id ("L" + time + random, see the import's newLayerId). Branded so it cannot be mixed with other string ids. */
export type LayerId = string & { readonly __brand: 'LayerId' };

/** A layer id is any non-empty string: ids already stored are kept whatever their form. */
export const isLayerId = (v: unknown): v is LayerId => isNonEmptyString(v);

/**
 * 3: records carry `v` (schema version 3). Versions 1 and 2 were the same unmarked shape.
 * Bump it with a migration below whenever the stored shape changes.
 */
export const LAYER_RECORD_VERSION = 3;

export interface LayerRecord {
  v: typeof LAYER_RECORD_VERSION;
  id: LayerId;
  name: string;
  kind: LayerKind;
  /** Drawing order: higher is drawn on top (and listed first). */
  order: number;
  visible: boolean;
  /** 0–1, multiplies the style's own opacities. */
  opacity: number;
  style: LayerStyle;
  meta: LayerMeta;
  sample: boolean;
  createdAt: number;
  /** Bumped whenever layerData is rewritten (re-decode, restyle): the map reloads its source. */
  dataVersion: number;
}

/**
 * A layer record as the app builds and holds it: no record version (the repository stamps it on write) and a
 * plain string id. Every LayerRecord is one; the renderer's code names this shape `LayerRecord` (renderer/db).
 */
export type LayerRecordFields = Omit<LayerRecord, 'v' | 'id'> & { id: string };

export type LayerRecordReason = MigrationReason | 'missingId' | LayerStyleReason;

/** Oldest first, one step per version (migrateRecord). */
export const LAYER_RECORD_MIGRATIONS: readonly Migration[] = [
  // v2 → v3: the record version is added; the fields are unchanged.
  addRecordVersion(3),
];

/** Brings a stored record of `fromVersion` up to LAYER_RECORD_VERSION (it is validated after). */
export function migrateLayerRecord(raw: unknown, fromVersion: number): Validation<Record<string, unknown>, MigrationReason> {
  return migrateRecord(raw, fromVersion, LAYER_RECORD_VERSION, LAYER_RECORD_MIGRATIONS);
}

/**
 * Checks a record of the current version. Without an id or a usable style a layer cannot be shown: rejected.
 * Everything else that is missing or out of range gets what a new layer would have, and is listed in `repaired`
 * (an opacity of 7 → 1, an unknown kind → 'other', an empty name → the id).
 */
export function validateLayerRecord(raw: unknown): Validation<LayerRecord, LayerRecordReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== LAYER_RECORD_VERSION) return fail('badVersion', 'v', `expected record version ${LAYER_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isLayerId(raw.id)) return fail('missingId', 'id');
  const style = validateLayerStyle(raw.style);
  if (!style.ok) return within('style', style);
  const meta = restoreLayerMeta(raw.meta);
  const repaired: Repair[] = [...repairsWithin('style', style.repaired), ...repairsWithin('meta', meta.repaired)];
  const field = <T>(key: string, good: (v: unknown) => v is T, fallback: T): T => {
    const v = raw[key];
    if (good(v)) return v;
    repaired.push({ path: key, code: 'defaulted' });
    return fallback;
  };
  // A blank name would leave an empty row in the layer panel: the id at least tells layers apart.
  const named = isString(raw.name) && raw.name.trim() !== '';
  if (!named) repaired.push({ path: 'name', code: 'defaulted' });
  const record: LayerRecord = {
    v: LAYER_RECORD_VERSION,
    id: raw.id,
    name: named ? (raw.name as string) : raw.id,
    kind: field('kind', (k): k is LayerKind => LAYER_KINDS.includes(k as LayerKind), 'other'),
    order: field('order', isFiniteNumber, 0),
    visible: field('visible', isBoolean, true),
    opacity: clampUnit(raw.opacity, 1, 'opacity', repaired),
    style: style.value,
    sample: field('sample', isBoolean, false),
    createdAt: field('createdAt', isFiniteNumber, 0),
    dataVersion: field('dataVersion', isFiniteNumber, 1),
    meta: meta.value,
  };
  return ok(record, repaired);
}

/** A stored record of any version, migrated then validated: what every read from the database goes through. */
export function restoreLayerRecord(raw: unknown): Validation<LayerRecord, LayerRecordReason> {
  const migrated = migrateLayerRecord(raw, storedVersionOf(raw));
  return migrated.ok ? validateLayerRecord(migrated.value) : migrated;
}

/** What a new layer needs; the rest gets a new layer's defaults (drawn, fully opaque, bottom of the order, data version 1). */
export type NewLayerRecord = Pick<LayerRecordFields, 'id' | 'name' | 'kind' | 'style' | 'meta' | 'createdAt'> &
  Partial<Pick<LayerRecordFields, 'order' | 'visible' | 'opacity' | 'sample' | 'dataVersion'>>;

/**
 * The record to store. Throws on an empty id: that is a bug in the caller, never something read from disk.
 * Fields beyond the record's (a caller's spread of a wider object) are not copied.
 */
export function createLayerRecord(init: NewLayerRecord): LayerRecord {
  if (!isLayerId(init.id)) throw new RangeError('createLayerRecord: a layer needs a non-empty id');
  return {
    v: LAYER_RECORD_VERSION,
    id: init.id,
    name: init.name,
    kind: init.kind,
    order: init.order ?? 0,
    visible: init.visible ?? true,
    opacity: init.opacity ?? 1,
    style: init.style,
    meta: init.meta,
    sample: init.sample ?? false,
    createdAt: init.createdAt,
    dataVersion: init.dataVersion ?? 1,
  };
}
