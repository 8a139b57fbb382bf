import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildManifest, manifestJson, manifestText, parseManifest, verifyManifest, type ManifestLabels } from './manifest';

const enc = new TextEncoder();
const head = 'a'.repeat(64);
const files = [
  { path: '照片原件/IMG_0012.JPG', category: '照片原件' as const, format: 'JPEG' as const, bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
  { path: '证据.pdf', category: '证据图' as const, format: 'PDF' as const, bytes: enc.encode('%PDF-1.4 假的内容') },
  { path: '坐标.txt', category: '坐标文件' as const, format: 'TXT' as const, bytes: new Uint8Array(0) },
  { path: '笔录.pdf', category: '笔录' as const, format: 'PDF' as const, bytes: new Uint8Array(70_000).map((_, i) => (i * 31) % 256) },
];
const labels: ManifestLabels = {
  title: '电子数据提取清单（完整性校验值）',
  recordNumber: '核查记录编号',
  recordId: '记录标识',
  chainHead: '历史链末项哈希',
  appVersion: '软件版本',
  createdAt: '生成时间',
  algorithm: '校验算法',
  columns: { seq: '序号', path: '文件名', category: '类别', format: '文件格式', size: '大小（字节）', sha256: 'SHA-256' },
  total: '共 {count} 个文件，{bytes} 字节',
};
const built = buildManifest({
  files,
  record: { id: 'I1', number: '杏国土核〔2026〕012号', chainHead: head },
  appVersion: '0.9.0',
  createdAt: Date.UTC(2026, 11, 1, 13, 30, 5),
});
const m = built.ok ? built.manifest : null;

describe('the manifest', () => {
  it('hashes every file as node:crypto and sha256sum do, sizes in bytes, listed by category', () => {
    expect(m).not.toBeNull();
    expect(m!.entries.map((e) => e.path)).toEqual(['证据.pdf', '笔录.pdf', '照片原件/IMG_0012.JPG', '坐标.txt']);
    expect(m!.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    for (const e of m!.entries) {
      const f = files.find((x) => x.path === e.path)!;
      expect(e.sha256).toBe(createHash('sha256').update(f.bytes).digest('hex'));
      expect(e.sizeBytes).toBe(f.bytes.byteLength);
      // And the coreutils tool a court's expert would use.
      expect(execFileSync('sha256sum', { input: f.bytes }).toString().slice(0, 64)).toBe(e.sha256);
    }
    // The empty file's hash is the well-known one.
    expect(m!.entries[3]!.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(m!.createdAtText).toBe('2026-12-01 21:30:05（UTC+8）');
  });

  it('prints as a tab-separated table with the record, its chain head and the totals', () => {
    const text = manifestText(m!, labels);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('电子数据提取清单（完整性校验值）');
    expect(lines).toContain(`历史链末项哈希：${head}`);
    expect(lines).toContain('序号\t文件名\t类别\t文件格式\t大小（字节）\tSHA-256');
    expect(lines).toContain(`1\t证据.pdf\t证据图\tPDF\t${files[1]!.bytes.byteLength}\t${m!.entries[0]!.sha256}`);
    expect(lines).toContain(`共 4 个文件，${files.reduce((s, f) => s + f.bytes.byteLength, 0)} 字节`);
  });

  it('round-trips through JSON and finds the file that differs, the one missing and the one extra', () => {
    const back = parseManifest(manifestJson(m!));
    expect(back).toEqual(m);
    const given = new Map(files.map((f) => [f.path, f.bytes] as const));
    expect(verifyManifest(back!, given)).toMatchObject({ ok: true, differ: [], missing: [], extra: [] });
    const changed = new Map(given);
    const pdf = new Uint8Array(files[1]!.bytes);
    pdf[3] = pdf[3]! ^ 1;
    changed.set('证据.pdf', pdf);
    changed.delete('坐标.txt');
    changed.set('manifest.json', enc.encode('{}'));
    expect(verifyManifest(back!, changed)).toEqual({
      ok: false,
      same: ['笔录.pdf', '照片原件/IMG_0012.JPG'],
      differ: ['证据.pdf'],
      missing: ['坐标.txt'],
      extra: ['manifest.json'],
    });
    expect(parseManifest('{"manifestVersion":1}')).toBeNull();
    expect(parseManifest('not json')).toBeNull();
  });

  it('refuses two files of one path and a chain head that is not a hash', () => {
    const meta = { record: { id: 'I1', number: 'n', chainHead: head }, appVersion: '1', createdAt: 0 };
    expect(buildManifest({ ...meta, files: [files[0]!, files[0]!] })).toEqual({ ok: false, reason: 'duplicatePath', path: files[0]!.path });
    expect(buildManifest({ ...meta, record: { ...meta.record, chainHead: 'xyz' }, files })).toEqual({ ok: false, reason: 'badChainHead' });
  });
});
