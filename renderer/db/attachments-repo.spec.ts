import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ATTACHMENT_RECORD_VERSION, restoreAttachment } from './attachment-record';
import { getAttachment, sha256Hex, storeAttachments } from './attachments-repo';
import { LandPatrolDb } from './db';

afterEach(() => {
  vi.restoreAllMocks();
});

const fresh = (indexedDB = new IDBFactory()) => new LandPatrolDb('attachments', { indexedDB, IDBKeyRange });
const bytes = (s: string) => new TextEncoder().encode(s);
// Reference hashes from Python's hashlib (`hashlib.sha256(s.encode()).hexdigest()`), not the code under test.
const REFERENCE: Record<string, string> = {
  'photo one': '23f3cc85d36cf7266f1b796aa9cfe6930e0f9458d646f18e31ccdf9d0b843a1f',
  'a notice': '3231cc34d839ca8476733ac8e52b0e78cb1e1d28c79136d0d72030e72b83b81f',
  same: '0967115f2813a3541eaef77de9d9d5773f1c0c04314b0bbfe4ff3b3b1c55b5d5',
  x: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
  ab: 'fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603',
};
const refSha = (s: string) => REFERENCE[s]!;

describe('storeAttachments', () => {
  it('keys each file by the SHA-256 of its bytes and survives reopening', async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    const metas = await storeAttachments(
      [
        { name: '现场照片1.jpg', mime: 'image/jpeg', data: new Blob([bytes('photo one')], { type: 'image/jpeg' }) },
        { name: '告知书.pdf', mime: 'application/pdf', data: new Blob([bytes('a notice')]) },
      ],
      1000,
      db,
    );
    expect(metas).toEqual([
      { name: '现场照片1.jpg', mime: 'image/jpeg', size: 9, sha256: refSha('photo one') },
      { name: '告知书.pdf', mime: 'application/pdf', size: 8, sha256: refSha('a notice') },
    ]);
    db.close();
    const again = fresh(idb);
    const stored = await getAttachment(refSha('photo one'), again);
    expect(stored).toMatchObject({ v: ATTACHMENT_RECORD_VERSION, name: '现场照片1.jpg', size: 9, storedAt: 1000 });
    expect(new TextDecoder().decode(await stored!.data.arrayBuffer())).toBe('photo one');
    expect(await again.attachments.count()).toBe(2);
    again.close();
  });

  it('stores the same bytes once, keeping the first record', async () => {
    const db = fresh();
    await storeAttachments([{ name: 'a.jpg', mime: 'image/jpeg', data: new Blob([bytes('same')]) }], 1, db);
    const second = await storeAttachments([{ name: 'b.jpg', mime: 'image/jpeg', data: new Blob([bytes('same')]) }], 2, db);
    expect(second[0]).toMatchObject({ name: 'b.jpg', sha256: refSha('same') });
    expect(await db.attachments.count()).toBe(1);
    expect(await getAttachment(refSha('same'), db)).toMatchObject({ name: 'a.jpg', storedAt: 1 });
    db.close();
  });

  it('hashes an empty file too', async () => {
    expect(await sha256Hex(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('skips an unreadable stored record with a warning, and a store then replaces it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = fresh();
    const sha = refSha('x');
    await db.attachments.put({ v: 1, sha256: sha, name: 'x', mime: '', size: 1, data: 'not a blob', storedAt: 0 } as never);
    expect(await getAttachment(sha, db)).toBeNull();
    expect(warn).toHaveBeenCalled();
    await storeAttachments([{ name: 'x.txt', mime: 'text/plain', data: new Blob([bytes('x')]) }], 5, db);
    expect(await getAttachment(sha, db)).toMatchObject({ name: 'x.txt', size: 1 });
    db.close();
  });
});

describe('restoreAttachment', () => {
  it('rejects a record without a good hash or bytes and names repairs', () => {
    const data = new Blob([bytes('ab')]);
    expect(restoreAttachment({ v: 1, sha256: 'ABC', data })).toMatchObject({ ok: false, reason: 'badSha256' });
    expect(restoreAttachment({ v: 1, sha256: refSha('ab'), data: null })).toMatchObject({ ok: false, reason: 'badBlob' });
    expect(restoreAttachment({ v: 2, sha256: refSha('ab'), data })).toMatchObject({ ok: false });
    const r = restoreAttachment({ v: 1, sha256: refSha('ab'), data, size: 99 });
    expect(r.ok && r.value).toMatchObject({ size: 2, mime: '', storedAt: 0 });
    expect(r.ok && r.repaired?.map((x) => x.path)).toEqual(['name', 'mime', 'size', 'storedAt']);
  });
});
