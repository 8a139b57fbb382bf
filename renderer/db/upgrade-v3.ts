/**
 * Schema 2 → 3: the records of the layers, layerData and settings stores are migrated to their record version 3
 * and validated, in Dexie's upgrade transaction (so the upgrade is all or nothing). A repairable record is stored
 * repaired. A record that cannot be read is left exactly as it was — nothing is deleted by an upgrade — and reads
 * keep skipping it (with a console warning) as they did before.
 *
 * sourceFiles and tileCache are not rewritten: their v2 → v3 step only adds `v`, and rewriting them costs time in
 * proportion to the user's bytes on the first start after an update (measured in Chromium on this project's test
 * machine: 5,000 cached tiles of 2 KB took 8.3 s, 10 MB of source files 0.38 s; a 40 MB layerData Blob 26 ms, as
 * Blobs are stored by reference). Their unmarked records are version 2 (storedVersionOf) and are migrated as they
 * are read; whatever is written to them from now on carries `v`.
 */
import type { Transaction } from 'dexie';
import { restoreLayerRecord } from '../../shared/domain/layers/layer-record';
import { restoreSetting } from '../../shared/domain/settings/setting-record';
import type { Validation } from '../../shared/validation/validation';
import { restoreLayerData } from './layer-data-record';

export interface StoreUpgrade {
  /** Stored at version 3 as they were. */
  migrated: number;
  /** Stored at version 3 with something repaired. */
  repaired: number;
  /** Left as they were: they cannot be read (the reason is logged). */
  skipped: number;
}

const RECORD_KINDS: readonly { store: string; restore: (raw: unknown) => Validation<unknown> }[] = [
  { store: 'layers', restore: restoreLayerRecord },
  { store: 'layerData', restore: restoreLayerData },
  { store: 'settings', restore: restoreSetting },
];

/** The stores this upgrade rewrites, and those whose v2 records stay unmarked until rewritten (see above). */
export const UPGRADED_STORES: readonly string[] = RECORD_KINDS.map((k) => k.store);
export const MIGRATED_ON_READ: readonly string[] = ['sourceFiles', 'tileCache'];

export async function upgradeRecordsToV3(tx: Transaction): Promise<Record<string, StoreUpgrade>> {
  const report: Record<string, StoreUpgrade> = {};
  for (const { store, restore } of RECORD_KINDS) {
    const counts: StoreUpgrade = { migrated: 0, repaired: 0, skipped: 0 };
    await tx
      .table<unknown, unknown, unknown>(store)
      .toCollection()
      .modify((raw, ctx) => {
        const r = restore(raw);
        if (!r.ok) {
          counts.skipped += 1;
          console.warn(`landpatrol: schema 3 upgrade left a ${store} record as it was (${r.reason}${r.path ? ` at ${r.path}` : ''})`, ctx.value);
          return;
        }
        ctx.value = r.value;
        if (r.repaired) counts.repaired += 1;
        else counts.migrated += 1;
      });
    report[store] = counts;
  }
  return report;
}
