/**
 * An attachment's bytes (附件: a photo, a scanned notice, a signed form), stored once by their SHA-256: two patrols
 * that attach the same photo share one record, and the hash a patrol keeps (PatrolAttachment.sha256) is the key
 * that finds the bytes and the integrity value the evidence rules ask for.
 *
 * Lives here rather than in shared/domain: a Blob is a DOM type (as layer-data-record.ts explains). Record module
 * shape all the same: version, validator, migrations.
 */
import { isFiniteNumber, isNonEmptyString, isObject, isString } from '../../shared/validation/guards';
import { migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../shared/validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../shared/validation/validation';

/** 1: the first stored shape (schema 5). */
export const ATTACHMENT_RECORD_VERSION = 1;

export interface AttachmentRecord {
  v: typeof ATTACHMENT_RECORD_VERSION;
  /** Lower-case hex SHA-256 of `data`'s bytes: the key. */
  sha256: string;
  /** The name it was first stored under (a patrol keeps its own name for it too). */
  name: string;
  mime: string;
  /** Bytes; equals data.size. */
  size: number;
  data: Blob;
  /** Epoch ms of the first store. */
  storedAt: number;
}

export type AttachmentReason = MigrationReason | 'badSha256' | 'badBlob';

export const ATTACHMENT_MIGRATIONS: readonly Migration[] = [];

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Without its hash or its bytes an attachment is nothing: rejected. A missing name or type is defaulted. */
export function validateAttachment(raw: unknown): Validation<AttachmentRecord, AttachmentReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== ATTACHMENT_RECORD_VERSION) return fail('badVersion', 'v');
  if (!isString(raw.sha256) || !SHA256_HEX.test(raw.sha256)) return fail('badSha256', 'sha256');
  if (!(raw.data instanceof Blob)) return fail('badBlob', 'data');
  const repaired: Repair[] = [];
  const name = isNonEmptyString(raw.name) ? raw.name : (repaired.push({ path: 'name', code: 'defaulted' }), raw.sha256.slice(0, 12));
  const mime = isString(raw.mime) ? raw.mime : (repaired.push({ path: 'mime', code: 'defaulted' }), '');
  if (raw.size !== raw.data.size) repaired.push({ path: 'size', code: 'defaulted' });
  const storedAt = isFiniteNumber(raw.storedAt) ? raw.storedAt : (repaired.push({ path: 'storedAt', code: 'defaulted' }), 0);
  return ok({ v: ATTACHMENT_RECORD_VERSION, sha256: raw.sha256, name, mime, size: raw.data.size, data: raw.data, storedAt }, repaired);
}

export function restoreAttachment(raw: unknown): Validation<AttachmentRecord, AttachmentReason> {
  const migrated = migrateRecord(raw, storedVersionOf(raw), ATTACHMENT_RECORD_VERSION, ATTACHMENT_MIGRATIONS);
  return migrated.ok ? validateAttachment(migrated.value) : migrated;
}
