import { describe, expect, it } from 'vitest';
import { fail, ok, repairsWithin, within } from './validation';

describe('ok / fail', () => {
  it('leave out what is not there, so an untouched value equals { ok, value }', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(ok(3, [])).toStrictEqual({ ok: true, value: 3 });
    expect(ok(3, [{ path: 'a', code: 'clamped' }])).toEqual({ ok: true, value: 3, repaired: [{ path: 'a', code: 'clamped' }] });
    expect(fail('notObject')).toStrictEqual({ ok: false, reason: 'notObject' });
    expect(fail('badField', 'title', 'too long')).toStrictEqual({ ok: false, reason: 'badField', path: 'title', detail: 'too long' });
  });
});

describe('nesting', () => {
  it('puts a nested failure and its repairs under the parent path', () => {
    expect(within('style', fail('badStyle', 'line'))).toEqual({ ok: false, reason: 'badStyle', path: 'style.line' });
    expect(within('style', fail('badStyle'))).toEqual({ ok: false, reason: 'badStyle', path: 'style' });
    expect(
      repairsWithin('meta', [
        { path: 'crs', code: 'defaulted' },
        { path: '', code: 'defaulted' },
      ]),
    ).toEqual([
      { path: 'meta.crs', code: 'defaulted' },
      { path: 'meta', code: 'defaulted' },
    ]);
    expect(repairsWithin('meta', undefined)).toEqual([]);
  });
});
