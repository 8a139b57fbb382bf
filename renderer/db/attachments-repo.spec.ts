import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
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
// The reference hash from Node's own crypto (OpenSSL), not the code under test.
const nodeSha = (s: string) => createHash('sha256').update(bytes(s)).digest('hex');

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
      { name: '现场照片1.jpg', mime: 'image/jpeg', size: 9, sha256: nodeSha('photo one') },
      { name: '告知书.pdf', mime: 'application/pdf', size: 8, sha256: nodeSha('a notice') },
    ]);
    db.close();
    const again = fresh(idb);
    const stored = await getAttachment(nodeSha('photo one'), again);
    expect(stored).toMatchObject({ v: ATTACHMENT_RECORD_VERSION, name: '现场照片1.jpg', size: 9, storedAt: 1000 });
    expect(new TextDecoder().decode(await stored!.data.arrayBuffer())).toBe('photo one');
    expect(await again.attachments.count()).toBe(2);
    again.close();
  });

  it('stores the same bytes once, keeping the first record', async () => {
    const db = fresh();
    await storeAttachments([{ name: 'a.jpg', mime: 'image/jpeg', data: new Blob([bytes('same')]) }], 1, db);
    const second = await storeAttachments([{ name: 'b.jpg', mime: 'image/jpeg', data: new Blob([bytes('same')]) }], 2, db);
    expect(second[0]).toMatchObject({ name: 'b.jpg', sha256: nodeSha('same') });
    expect(await db.attachments.count()).toBe(1);
    expect(await getAttachment(nodeSha('same'), db)).toMatchObject({ name: 'a.jpg', storedAt: 1 });
    db.close();
  });

  it('hashes an empty file too', async () => {
    expect(await sha256Hex(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('skips an unreadable stored record with a warning, and a store then replaces it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = fresh();
    const sha = nodeSha('x');
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
    expect(restoreAttachment({ v: 1, sha256: nodeSha('ab'), data: null })).toMatchObject({ ok: false, reason: 'badBlob' });
    expect(restoreAttachment({ v: 2, sha256: nodeSha('ab'), data })).toMatchObject({ ok: false });
    const r = restoreAttachment({ v: 1, sha256: nodeSha('ab'), data, size: 99 });
    expect(r.ok && r.value).toMatchObject({ size: 2, mime: '', storedAt: 0 });
    expect(r.ok && r.repaired?.map((x) => x.path)).toEqual(['name', 'mime', 'size', 'storedAt']);
  });
});
