/**
 * The comparison (套合) of a record run from outside its section (the evidence export's 重新套合): the same worker,
 * roles and save as the section's button, so the result is stored the same way (one history entry of the record).
 */
import type { Inspection, InspectionPatch } from '../../../shared/domain/inspection/inspection-record';
import type { LayerRecord } from '../../db';
import type { Translate } from '../../i18n';
import { errorReason } from '../../platform/coded-error';
import type { MultiPolygon, Polygon } from 'geojson';
import type { PlotRefusal, StoredComparison } from '../../../shared/domain/inspection/comparison-run';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import { comparisonClient, loadRoles, rolesState, stopComparisonWorker } from './comparison-state';
import { refusalText } from './comparison.logic';

export type RunOutcome = { ok: true; record: Inspection } | { ok: false; text: string };

export async function runComparisonFor(
  record: Inspection,
  layers: readonly LayerRecord[],
  save: (patch: InspectionPatch, what: string) => Promise<Inspection | null>,
  t: Translate,
): Promise<RunOutcome> {
  try {
    const roles = rolesState.get() ?? (await loadRoles(layers));
    const r = await comparisonClient().request('compare', {
      geometry: record.geometry,
      zone: record.zone,
      roles: roles.roles.roles,
      verdicts: roles.roles.verdicts,
      ranAt: Date.now(),
    });
    if (!r.ok) return { ok: false, text: refusalText(r.refusal, t) };
    const saved = await save({ comparison: r.stored as unknown as Record<string, unknown> }, t('comparison.what'));
    return saved ? { ok: true, record: saved } : { ok: false, text: t('comparison.notSaved') };
  } catch (err) {
    return { ok: false, text: t('comparison.failed', { message: errorReason(err, t) }) };
  }
}

export type PlotComparison = { ok: true; stored: StoredComparison } | { ok: false; refusal: PlotRefusal };

/**
 * The comparison of a plot that is no record's (a patch of the layer batch): the same worker, index and office roles
 * as 套合 of a record, nothing stored. Fails as the worker's `compare` (a role layer removed, the engine missing).
 */
export async function comparePlot(
  geometry: Polygon | MultiPolygon | null,
  zone: GkZoneRef | null,
  layers: readonly LayerRecord[],
  ranAt = Date.now(),
  signal?: AbortSignal,
): Promise<PlotComparison> {
  const roles = rolesState.get() ?? (await loadRoles(layers));
  const r = await comparisonClient().request(
    'compare',
    { geometry, zone, roles: roles.roles.roles, verdicts: roles.roles.verdicts, ranAt },
    signal ? { signal } : {},
  );
  return r.ok ? { ok: true, stored: r.stored } : { ok: false, refusal: r.refusal };
}

export { refusalText as plotRefusalText, stopComparisonWorker };

/** The office's comparison roles now (null while not read): the export holds a stored result against them. */
export const comparisonRolesNow = () => rolesState.get()?.roles.roles ?? null;
export { loadRoles as loadComparisonRoles };
