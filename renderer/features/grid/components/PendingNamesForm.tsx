import { useState } from 'react';
import { featureAreas } from '../../../../shared/domain/geometry/area';
import { defaultZoneOf } from '../../../../shared/domain/grid/area-geometry';
import { formatNumber, useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { gridState } from '../grid-state';
import { discardPending, gridEditState, placementText, renamePending, savePending, type PendingNames } from '../grid-map-edit';
import { outcomeText } from './outcome-text';

/**
 * The names of what was just drawn or split, asked before anything is stored (the pieces are on the map, labelled
 * with these names, meanwhile). Each piece's figures: planar m² in the parent's zone and 亩 from it.
 */
export function PendingNamesForm({ pending }: { pending: PendingNames }) {
  const { t, lang } = useI18n();
  const { busy } = useStore(gridEditState);
  const { areas } = useStore(gridState);
  const [error, setError] = useState<string | null>(null);
  const parent = areas.find((a) => a.id === (pending.kind === 'draw' ? pending.parentId : pending.areaId)) ?? null;
  const zone = parent?.zone ?? null;
  async function save() {
    setError(null);
    try {
      const o = await savePending(pending);
      if (!o.ok) setError(o.refusal ? placementText(t, o.refusal, o.name ?? '', (m2) => formatNumber(lang, m2, 2)) : outcomeText(t, o.reason ?? ''));
    } catch (e) {
      setError(t('grid.saveFailed', { message: errorText(e, t) }));
    }
  }
  return (
    <form
      className="grid-pending"
      data-testid="grid-pending-form"
      data-kind={pending.kind}
      noValidate
      style={{ display: 'grid', gap: 6, padding: '6px 10px', borderBottom: '1px solid rgba(0,0,0,0.12)' }}
      onSubmit={(e) => {
        e.preventDefault();
        if (busy === null) void save();
      }}
    >
      <strong>
        {pending.kind === 'draw'
          ? t('gridMap.pending.drawn', { count: pending.pieces.length })
          : t('gridMap.pending.split', { count: pending.pieces.length })}
      </strong>
      {pending.pieces.map((p, i) => {
        const f = featureAreas(p.geometry, { zone: zone ?? defaultZoneOf(p.geometry) });
        return (
          <TextField
            key={i}
            label={t('gridMap.pending.name', { n: i + 1 })}
            hint={t('grid.areaValue', { m2: formatNumber(lang, f.planarM2, 0), mu: formatNumber(lang, f.mu, 2), zone: f.zone.zone })}
            value={p.name}
            onChange={(v) => renamePending(i, v)}
            testId="grid-pending-name"
            required
          />
        );
      })}
      {error && (
        <p className="msg error" role="alert" data-testid="grid-pending-error">
          {error}
        </p>
      )}
      <div style={{ display: 'flex', gap: 6, justifyContent: 'flex-end' }}>
        <button type="button" className="btn small" onClick={discardPending} disabled={busy !== null} data-testid="grid-pending-discard">
          {t('grid.generate.discard')}
        </button>
        <button type="submit" className="btn small primary" disabled={busy !== null} data-testid="grid-pending-save">
          {t('grid.generate.save')}
        </button>
      </div>
    </form>
  );
}
