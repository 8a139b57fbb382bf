import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { SelectField, TextField } from '../../../ui/fields';
import { useLayerList } from '../../layers';
import { addTaskPoint } from '../tasks-actions';
import type { LayerPoint } from '../tasks.protocol';
import { tasksState, tasksWorker } from '../tasks-state';

/** Points to visit from a stored layer's features (a 卫片图斑 layer first): read in the worker, filtered, added one by one. */
export function PatchPicker() {
  const { t } = useI18n();
  const { layers } = useLayerList();
  const choices = useMemo(() => [...layers].sort((a, b) => Number(b.kind === 'changePatch') - Number(a.kind === 'changePatch')), [layers]);
  const [layerId, setLayerId] = useState<string>(choices[0]?.id ?? '');
  const [points, setPoints] = useState<LayerPoint[] | null>(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const taken = new Set((tasksState.get().taskDraft?.points ?? []).flatMap((p) => (p.source?.layerId === layerId ? [p.source.featureId] : [])));
  const shown = (points ?? []).filter((p) => filter === '' || p.label.includes(filter)).slice(0, 200);
  if (choices.length === 0) return null;
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      setPoints(await tasksWorker.request('layerPoints', { layerId }));
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="tasks-patch-picker" style={{ display: 'grid', gap: 4 }}>
      <div style={{ display: 'flex', gap: 4, alignItems: 'end' }}>
        <SelectField
          label={t('tasks.patch.layer')}
          options={choices.map((l) => ({ value: l.id, label: l.name }))}
          value={layerId}
          onChange={(v) => {
            setLayerId(v);
            setPoints(null);
          }}
          testId="tasks-patch-layer"
        />
        <button type="button" className="btn small" disabled={busy} onClick={() => void load()} data-testid="tasks-patch-load">
          {t('tasks.patch.load')}
        </button>
      </div>
      {error && (
        <p className="msg error" role="alert">
          {error}
        </p>
      )}
      {points && (
        <>
          <TextField label={t('tasks.patch.filter')} type="search" value={filter} onChange={setFilter} testId="tasks-patch-filter" />
          <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 160, overflow: 'auto' }}>
            {shown.map((p) => (
              <li key={p.fid} data-testid="tasks-patch-row" style={{ display: 'flex', gap: 4, alignItems: 'center', padding: '1px 0' }}>
                <span style={{ flex: 1 }}>{p.label}</span>
                <button
                  type="button"
                  className="btn small"
                  disabled={taken.has(p.fid)}
                  data-testid="tasks-patch-add"
                  onClick={() => addTaskPoint(p.lngLat, p.label, { layerId, featureId: p.fid })}
                >
                  {taken.has(p.fid) ? t('tasks.patch.added') : t('tasks.patch.add')}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted" style={{ margin: 0 }}>
            {t('tasks.patch.count', { shown: shown.length, total: points.length })}
          </p>
        </>
      )}
    </div>
  );
}
