import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical';
import { appendEntry, contentHashOf, verifyHistory, type HistoryEntry } from './history';

const python = (script: string, input: string): string => execFileSync('/usr/bin/python3', ['-c', script], { input, encoding: 'utf8' }).trim();

describe('canonical JSON and SHA-256, against Python’s json and hashlib', () => {
  it('gives the bytes and the hash Python gives for the same value', () => {
    const value = { 当事人: { 名称: '某某建材有限公司', idNo: '91350100M000100Y43' }, area: 1234.5, b: [3, null, true, 'x"y'], a: -0.25, z: {} };
    const ours = canonicalJson(value);
    const theirs = python(
      "import json,sys,hashlib; v=json.load(sys.stdin); s=json.dumps(v,sort_keys=True,separators=(',',':'),ensure_ascii=False); print(s); print(hashlib.sha256(s.encode('utf-8')).hexdigest())",
      JSON.stringify(value),
    ).split('\n');
    expect(ours).toBe(theirs[0]);
    expect(sha256Hex(ours)).toBe(theirs[1]);
  });

  it('leaves undefined members out and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: NaN })).toThrow(RangeError);
  });
});

describe('the hash chain', () => {
  const states = [{ description: '' }, { description: '在建厂房' }, { description: '在建厂房', status: 'checked' }];
  const chain = (): HistoryEntry[] => {
    let h: HistoryEntry[] = [];
    h = appendEntry(h, { at: 1, by: '张三', kind: 'created', changes: [] }, states[0]);
    h = appendEntry(h, { at: 2, by: '张三', kind: 'saved', changes: [{ field: 'description', before: '', after: '在建厂房' }] }, states[1]);
    h = appendEntry(h, { at: 3, by: '李四', kind: 'submitted', changes: [] }, states[2]);
    return h;
  };

  it('verifies an untouched chain and links each entry to the one before', () => {
    const h = chain();
    expect(verifyHistory(h, states[2])).toEqual({ ok: true, entries: 3, lastHash: h[2]!.hash });
    expect(h[1]!.prevHash).toBe(h[0]!.hash);
    expect(h[2]!.contentHash).toBe(contentHashOf(states[2]));
  });

  it('names the first entry that no longer holds when a byte changes anywhere', () => {
    const h = chain();
    expect(verifyHistory(h, { ...states[2], description: '在建厂房 ' })).toEqual({ ok: false, seq: 3, reason: 'contentChanged' });
    const edited = h.map((e) => ({ ...e }));
    edited[1] = { ...edited[1]!, by: '王五' };
    expect(verifyHistory(edited, states[2])).toEqual({ ok: false, seq: 2, reason: 'entryChanged' });
    expect(verifyHistory([h[0]!, h[2]!], states[2])).toEqual({ ok: false, seq: 2, reason: 'badSequence' });
    const relinked = [h[0]!, { ...h[2]!, seq: 2 }];
    expect(verifyHistory(relinked, states[2])).toEqual({ ok: false, seq: 2, reason: 'brokenLink' });
    expect(verifyHistory([], states[2])).toEqual({ ok: false, seq: 0, reason: 'empty' });
    // Every character of every entry's hash matters.
    for (let i = 0; i < 64; i += 7) {
      const flipped = h.map((e) => ({ ...e }));
      const c = flipped[0]!.hash[i] === '0' ? '1' : '0';
      flipped[0] = { ...flipped[0]!, hash: flipped[0]!.hash.slice(0, i) + c + flipped[0]!.hash.slice(i + 1) };
      expect(verifyHistory(flipped, states[2]).ok).toBe(false);
    }
  });
});
