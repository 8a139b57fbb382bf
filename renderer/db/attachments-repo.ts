/**
 * Attachments (附件) by SHA-256: the bytes of each file once, whichever patrols name it. The repository hashes the
 * bytes itself (crypto.subtle, before its transaction: an await on anything but IndexedDB would end it), so a
 * stored key is always the hash of the stored bytes; a caller's claimed hash is never taken. One user action (the
 * files of one save) is one transaction; a hash already stored keeps its first record (same bytes by definition).
 */
import type { PatrolAttachment } from '../../shared/domain/patrol/patrol-record';
import { ATTACHMENT_RECORD_VERSION, restoreAttachment, type AttachmentRecord } from './attachment-record';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export interface NewAttachment {
  name: string;
  mime: string;
  data: Blob;
}

/** Lower-case hex SHA-256 of a Blob's bytes (crypto.subtle has no streaming form; fine per photo). */
export async function sha256Hex(data: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await data.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores the files (those not stored yet) in one transaction; returns what a patrol records of each, in order. */
export async function storeAttachments(files: readonly NewAttachment[], at: number, db: LandPatrolDb = getDb()): Promise<PatrolAttachment[]> {
  const hashed = await Promise.all(files.map(async (f) => ({ ...f, sha256: await sha256Hex(f.data) })));
  await db.transaction('rw', db.attachments, async () => {
    for (const f of hashed) await putHashedAttachment(f, at, db);
  });
  return hashed.map((f) => ({ name: f.name, mime: f.mime, size: f.data.size, sha256: f.sha256 }));
}

/**
 * Inside a caller's transaction over `attachments` (the photos store a photo's bytes and its record in one): stores
 * a file whose `sha256` was just computed from its bytes by sha256Hex, unless that hash is stored already.
 */
export async function putHashedAttachment(f: NewAttachment & { sha256: string }, at: number, db: LandPatrolDb): Promise<void> {
  if (restoreStored(await db.attachments.get(f.sha256))) return;
  const record: AttachmentRecord = {
    v: ATTACHMENT_RECORD_VERSION,
    sha256: f.sha256,
    name: f.name,
    mime: f.mime,
    size: f.data.size,
    data: f.data,
    storedAt: at,
  };
  await db.attachments.put(record);
}

const restoreStored = (raw: unknown): AttachmentRecord | null => readRecord('attachment', raw, restoreAttachment);

/** The stored bytes of a hash, or null when none (or the record is unreadable). */
export async function getAttachment(sha256: string, db: LandPatrolDb = getDb()): Promise<AttachmentRecord | null> {
  return restoreStored(await db.attachments.get(sha256));
}
