import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../tests/fixtures/read-fixture';
import { unzipInputs } from './unzip';

const zipFixture = (name: string) => ({ path: name, bytes: fixtureBytes(`zip/${name}`) });

/** Rewrites every declared uncompressed size (local header @22, central header @24; APPNOTE 4.3.7/4.3.12). */
function patchDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const z = zip.slice();
  const v = new DataView(z.buffer);
  for (let i = 0; i + 4 <= z.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) v.setUint32(i + 24, size, true);
  }
  return z;
}

describe('unzipInputs', () => {
  it('GBK member names without the UTF-8 flag, folders kept under "archive.zip/…"', () => {
    const r = unzipInputs(zipFixture('gbk_names.zip'));
    expect(r.issues).toEqual([]);
    expect(r.files.map((f) => f.path).sort()).toEqual(['dbf', 'prj', 'shp', 'shx'].map((e) => `gbk_names.zip/县级数据/永久基本农田.${e}`));
    expect(r.files.find((f) => f.path.endsWith('.shp'))?.bytes).toEqual(fixtureBytes('shp/gbk_ldid.shp'));
  });

  it('skips directories, __MACOSX, ._ files and other extensions; refuses zip-slip paths', () => {
    const r = unzipInputs(zipFixture('mixed.zip'));
    expect(r.files.map((f) => f.path).sort()).toEqual(['CPG', 'DBF', 'PRJ', 'SHP', 'SHX'].map((e) => `mixed.zip/data/地类图斑.${e}`));
    expect(r.issues.map((i) => [i.code, i.params?.['member']])).toEqual([
      ['zip.unsafePath', '../evil.shp'],
      ['zip.unsafePath', '/abs/evil.dbf'],
      ['zip.unsafePath', 'C:/evil.prj'],
    ]);
  });

  it('opens a zip inside the zip, but not a third level (zip.nested)', () => {
    const r = unzipInputs(zipFixture('nested.zip'));
    expect(r.files.map((f) => f.path).sort()).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `nested.zip/inner.zip/inner/points.${e}`));
    expect(r.issues).toEqual([{ code: 'zip.nested', severity: 'warning', file: 'nested.zip/inner.zip/inner/deeper.zip' }]);
  });

  it('declared total over the limit → zip.tooLarge before inflating anything', () => {
    const r = unzipInputs(zipFixture('gbk_names.zip'), { maxUncompressedBytes: 500 });
    const declared = ['shp', 'shx', 'dbf', 'prj'].reduce((s, e) => s + fixtureBytes(`shp/gbk_ldid.${e}`).length, 0);
    expect(r.files).toEqual([]);
    expect(r.issues).toEqual([{ code: 'zip.tooLarge', severity: 'error', file: 'gbk_names.zip', params: { declared, limit: 500 } }]);
  });

  it('a bomb that declares a small size but inflates huge is stopped while inflating', () => {
    const honest = zipSync({ 'bomb.dbf': new Uint8Array(32 * 1024 * 1024) }, { level: 9 });
    const bomb = patchDeclaredSize(honest, 1000);
    // CPU time, not wall time: the machine's load must not decide the test (the inflating is on this thread).
    const t0 = process.cpuUsage();
    const r = unzipInputs({ path: 'bomb.zip', bytes: bomb });
    const spent = process.cpuUsage(t0);
    expect((spent.user + spent.system) / 1000).toBeLessThan(5000);
    expect(r.files).toEqual([]);
    expect(r.issues[0]).toMatchObject({ code: 'zip.tooLarge', file: 'bomb.zip/bomb.dbf', params: { declared: 1000 } });
    expect(r.issues[0]?.params?.['actual'] as number).toBeLessThan(16 * 1024 * 1024); // stopped early, not after 32 MiB
  });

  it('a member declaring an impossible ratio is refused', () => {
    const honest = zipSync({ 'a.dbf': new Uint8Array(100_000) }, { level: 9 });
    const r = unzipInputs({ path: 'r.zip', bytes: patchDeclaredSize(honest, 1_000_000_000) });
    expect(r.issues.map((i) => i.code)).toEqual(['zip.tooLarge']);
  });

  it('corrupt archives and damaged members → zip.corrupt, never a throw', () => {
    expect(unzipInputs({ path: 'x.zip', bytes: new Uint8Array([1, 2, 3]) }).issues).toEqual([
      { code: 'zip.corrupt', severity: 'error', file: 'x.zip', params: { reason: 'short' } },
    ]);
    const z = zipSync({ 'a.shp': new TextEncoder().encode('hello hello hello hello'.repeat(50)) });
    const damaged = z.slice();
    damaged[40] = (damaged[40] as number) ^ 0xff; // inside the deflate stream
    const r = unzipInputs({ path: 'd.zip', bytes: damaged });
    expect(r.files).toEqual([]);
    expect(r.issues[0]?.code).toBe('zip.corrupt');
    let seed = 5;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const src = fixtureBytes('zip/mixed.zip');
    for (let k = 0; k < 200; k++) {
      const b = src.slice();
      for (let j = 0; j < 8; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
      expect(() => unzipInputs({ path: 'f.zip', bytes: b })).not.toThrow();
    }
  });
});
