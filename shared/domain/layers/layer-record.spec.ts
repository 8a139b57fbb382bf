import { describe, expect, it } from 'vitest';
// The previous version's records, as a schema-2 database stored them (origin: tests/fixtures/db/README.md).
import v2 from '../../../tests/fixtures/db/v2-database.json';
import { defaultStyle } from './kind';
import {
  createLayerRecord,
  isLayerId,
  LAYER_RECORD_VERSION,
  migrateLayerRecord,
  restoreLayerRecord,
  validateLayerRecord,
  type LayerRecord,
} from './layer-record';
import { UNKNOWN_CRS } from './layer-meta';

const byId = (id: string): Record<string, unknown> => v2.layers.find((l) => l.id === id)!;

describe('a v2 layer record through migration and validation', () => {
  it('gains its record version and is otherwise unchanged when it was good', () => {
    for (const id of ['Lm3x9k2abc123', 'Lm3x9k3def456']) {
      const migrated = migrateLayerRecord(byId(id), 2);
      expect(migrated).toEqual({ ok: true, value: { ...byId(id), v: 3 } });
      const valid = validateLayerRecord(migrated.ok && migrated.value);
      expect(valid).toEqual({ ok: true, value: { ...byId(id), v: LAYER_RECORD_VERSION } }); // no `repaired`
    }
  });

  it('is repaired when the repair is obvious, and says what was repaired', () => {
    const r = restoreLayerRecord(byId('repairable'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      v: 3,
      id: 'repairable',
      name: 'repairable',
      kind: 'other',
      order: 1,
      visible: true,
      opacity: 1,
      sample: false,
      createdAt: 0,
      dataVersion: 1,
    });
    expect(r.value.style).toEqual({ fill: null, fillOpacity: 0, line: { color: '#404040', widthPx: 1 } });
    expect(r.value.meta).toEqual({
      source: '',
      geometryKind: 'unknown',
      shapeType: '',
      fields: [{ name: 'XZQMC', type: 'C', length: 60, decimals: 0 }],
      encoding: { encoding: 'utf-8', source: 'default' },
      crs: UNKNOWN_CRS,
      bboxLngLat: null,
      featureCount: 0,
      issues: [],
    });
    expect(r.repaired).toEqual(
      expect.arrayContaining([
        { path: 'name', code: 'defaulted' },
        { path: 'kind', code: 'defaulted' },
        { path: 'visible', code: 'defaulted' },
        { path: 'opacity', code: 'clamped' },
        { path: 'style.fillOpacity', code: 'clamped' },
        { path: 'style.line.widthPx', code: 'defaulted' },
        { path: 'meta.fields', code: 'filtered' },
        { path: 'meta.bboxLngLat', code: 'defaulted' },
        { path: 'meta.crs', code: 'defaulted' },
      ]),
    );
    expect(r.repaired!.filter((x) => x.path === 'order')).toEqual([]); // its order was good
  });

  it('is rejected, with a named reason, when it cannot be shown', () => {
    expect(restoreLayerRecord(byId('broken'))).toEqual({ ok: false, reason: 'badStyle', path: 'style', detail: 'the style is not an object' });
    expect(restoreLayerRecord(byId('bad-line'))).toMatchObject({ ok: false, reason: 'badStyle', path: 'style.line' });
  });
});

describe('validateLayerRecord', () => {
  const good: Record<string, unknown> = { ...byId('Lm3x9k2abc123'), v: 3 };
  it.each([
    ['null', null, 'notObject'],
    ['a string', 'x', 'notObject'],
    ['an array', [], 'notObject'],
    ['no version (a v2 record not migrated)', byId('Lm3x9k2abc123'), 'badVersion'],
    ['a version from the future', { ...good, v: 4 }, 'badVersion'],
    ['no id', { ...good, id: undefined }, 'missingId'],
    ['an empty id', { ...good, id: '' }, 'missingId'],
    ['no style', { ...good, style: undefined }, 'badStyle'],
    ['a fill of an unknown type', { ...good, style: { ...(good.style as object), fill: { type: 'gradient' } } }, 'badStyle'],
  ])('rejects %s', (_what, raw, reason) => {
    expect(validateLayerRecord(raw)).toMatchObject({ ok: false, reason });
  });

  it('keeps a null fill (boundary-only layers) and wraps nothing it need not', () => {
    const r = validateLayerRecord({ ...good, style: { fill: null, fillOpacity: 0, line: { color: '#404040', widthPx: 1.5, dash: [4, 2] } } });
    expect(r).toEqual({
      ok: true,
      value: { ...good, style: { fill: null, fillOpacity: 0, line: { color: '#404040', widthPx: 1.5, dash: [4, 2] } } },
    });
  });

  it('reports a missing meta once, not once per field', () => {
    const r = validateLayerRecord({ ...good, meta: undefined });
    expect(r.ok && r.repaired).toEqual([{ path: 'meta', code: 'defaulted' }]);
  });

  it('rejects a record whose version cannot be migrated (restore)', () => {
    expect(restoreLayerRecord({ ...good, v: 'three' })).toMatchObject({ ok: false, reason: 'badVersion' });
    expect(restoreLayerRecord({ ...good, v: 1 })).toMatchObject({ ok: false, reason: 'badVersion' });
  });
});

describe('createLayerRecord', () => {
  const meta = validateLayerRecord({ ...byId('Lm3x9k2abc123'), v: 3 });
  const base = {
    id: 'L1',
    name: '新图层',
    kind: 'other' as const,
    style: defaultStyle('other', []),
    meta: (meta.ok ? meta.value : null)!.meta,
    createdAt: 5,
  };

  it('gives a new layer its defaults and the current record version, and validates as it is', () => {
    const rec: LayerRecord = createLayerRecord(base);
    expect(rec).toEqual({ ...base, v: 3, order: 0, visible: true, opacity: 1, sample: false, dataVersion: 1 });
    expect(validateLayerRecord(rec)).toEqual({ ok: true, value: rec });
  });

  it("keeps what the caller set, and only the record's fields", () => {
    const rec = createLayerRecord({ ...base, order: 7, visible: false, opacity: 0.3, sample: true, dataVersion: 4, ...{ extra: 1 } });
    expect(rec).toMatchObject({ order: 7, visible: false, opacity: 0.3, sample: true, dataVersion: 4 });
    expect('extra' in rec).toBe(false);
  });

  it('refuses an empty id (a caller bug, not data)', () => {
    expect(() => createLayerRecord({ ...base, id: '' })).toThrow(RangeError);
    expect(isLayerId('')).toBe(false);
    expect(isLayerId('L1')).toBe(true);
  });
});
