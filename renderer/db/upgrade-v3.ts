/**
 * Schema 2 → 3: every record of every store is migrated to its record version 3 and validated, in Dexie's
 * upgrade transaction (so the upgrade is all or nothing). A repairable record is stored repaired. A record
 * that cannot be read is left exactly as it was — nothing is deleted by an upgrade — and reads keep skipping
 * it (with a console warning) as they did before.
 */
import type { Transaction } from 'dexie';
import { restoreLayerRecord } from '../../shared/domain/layers/layer-record';
import { restoreSourceFiles } from '../../shared/domain/layers/source-files-record';
import { restoreTileCache } from '../../shared/domain/layers/tile-cache-record';
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
  { store: 'sourceFiles', restore: restoreSourceFiles },
  { store: 'settings', restore: restoreSetting },
  { store: 'tileCache', restore: restoreTileCache },
];

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
