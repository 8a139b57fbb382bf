/**
 * The one way a repository reads a record: through its kind's `restore*` (migrate from its stored version, then
 * validate). A record that is there but unreadable is skipped with a console warning, never thrown: one bad
 * record must not keep the app from opening (STYLE: validate at every boundary, a record read from the database).
 */
import type { Validation } from '../../shared/validation/validation';

export function readRecord<T>(kind: string, raw: unknown, restore: (raw: unknown) => Validation<T>, opts: { quiet?: boolean } = {}): T | null {
  if (raw === undefined) return null; // not stored: nothing to report
  const r = restore(raw);
  if (r.ok) return r.value;
  if (!opts.quiet) console.warn(`landpatrol: skipped a malformed ${kind} record (${r.reason}${r.path ? ` at ${r.path}` : ''})`, raw);
  return null;
}
