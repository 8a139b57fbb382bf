import { describe, expect, it } from 'vitest';
import { packArea, unpackArea, validateAttributeStore } from './attribute-store';

const good = {
  v: 1,
  fields: ['DLMC'],
  fids: [4, 7],
  rows: [['水田'], ['旱地']],
  areas: [[100, 101, 3, 39, 117], null],
  bboxes: [[117, 35, 117.1, 35.1], null],
};

describe('validateAttributeStore', () => {
  it('reads a stored store: rows by fid, labelled areas, boxes', () => {
    const v = validateAttributeStore(good);
    expect(v.ok && v.repaired).toBe(undefined);
    if (!v.ok) throw new Error(v.reason);
    expect(v.value.rowIndexOf(7)).toBe(1);
    expect(v.value.row(1)).toEqual(['旱地']);
    expect(v.value.area(0)).toMatchObject({ ellipsoidalM2: 100, planarM2: 101, zone: { width: 3, zone: 39, centralMeridian: 117 } });
  });

  it('drops areas and boxes that do not line up with the rows, and says so', () => {
    const v = validateAttributeStore({ ...good, areas: [null], bboxes: 'x' });
    if (!v.ok) throw new Error(v.reason);
    expect(v.repaired).toEqual([
      { path: 'areas', code: 'defaulted' },
      { path: 'bboxes', code: 'defaulted' },
    ]);
    expect(v.value.area(0)).toBeNull();
  });

  it('refuses what cannot be read, naming the reason', () => {
    expect(validateAttributeStore(null)).toMatchObject({ ok: false, reason: 'notObject' });
    expect(validateAttributeStore([1])).toMatchObject({ ok: false, reason: 'notObject' });
    expect(validateAttributeStore({ ...good, fields: 'DLMC' })).toMatchObject({ ok: false, reason: 'badShape', path: 'fields' });
    expect(validateAttributeStore({ ...good, rows: [['水田']] })).toMatchObject({ ok: false, reason: 'badShape', path: 'rows' });
  });

  it('keeps the repaired flag of a boundary through pack and unpack', () => {
    const a = unpackArea(
      packArea({
        ellipsoidalM2: 1 as never,
        planarM2: 2 as never,
        mu: 0.003 as never,
        zone: { width: 3, zone: 39, centralMeridian: 117 },
        boundary: 'repaired',
      }),
    );
    expect(a?.boundary).toBe('repaired');
  });
});
