import { useMemo, useState } from 'react';
import { Dialog } from '../../../app/Dialog';
import { saveBytes } from '../../../app/platform';
import type { LayerRecord } from '../../../db';
import { formatNumber, useI18n } from '../../../i18n';
import { buildOverlayTable, defaultGroupField, defaultIdField, overlayCsv } from '../overlay.logic';
import { useOverlay } from '../use-overlay';
import { OverlayForm, type OverlayFormValue } from './OverlayForm';

/** 叠加分析: patch layer × overlay layers → table (m² and 亩, adds up per layer) → CSV. */
export function OverlayDialog({ layers, onClose }: { layers: LayerRecord[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const polygons = layers.filter((l) => l.meta.geometryKind === 'polygon');
  const initialPlot = polygons.find((l) => l.kind === 'changePatch') ?? polygons[0];
  const [form, setForm] = useState<OverlayFormValue>({ plotLayerId: initialPlot?.id ?? '', idField: initialPlot ? defaultIdField(initialPlot.meta.fields) : null, overlays: [] });
  const [saved, setSaved] = useState<string | null>(null);
  const { state, run, cancel } = useOverlay();
  const table = useMemo(() => {
    if (state.kind !== 'done') return null;
    const labels = { plot: t('overlay.col.plot'), total: t('overlay.col.total'), uncovered: t('overlay.col.uncovered'), occupied: (l: string) => t('overlay.col.occupied', { layer: l }) };
    return buildOverlayTable(state.result, state.layers, labels);
  }, [state, t]);

  const exportCsv = async () => {
    if (!table) return;
    const name = `${t('overlay.title')}-${new Date().toISOString().slice(0, 10)}.csv`;
    if (await saveBytes(name, overlayCsv(table, { m2: t('unit.m2'), mu: t('unit.mu') }), 'text/csv;charset=utf-8', 'CSV', 'csv')) setSaved(name);
  };
  const fmt = (v: number, d: number) => formatNumber(lang, v, d);
  const canRun = form.plotLayerId !== '' && form.overlays.length > 0 && state.kind !== 'running';
  return (
    <Dialog
      title={t('overlay.title')}
      onClose={onClose}
      wide
      testId="overlay-dialog"
      footer={
        <>
          {state.kind === 'running' && <span className="muted">{t('overlay.running', { done: state.done, total: state.total })}</span>}
          {state.kind === 'running' && <button className="btn" onClick={cancel}>{t('common.cancel')}</button>}
          {table && <button className="btn" data-testid="overlay-export" onClick={() => void exportCsv()}>{t('overlay.exportCsv')}</button>}
          <button className="btn primary" disabled={!canRun} data-testid="overlay-run" onClick={() => run({ plotLayerId: form.plotLayerId, idField: form.idField, layers: form.overlays })}>{t('overlay.run')}</button>
        </>
      }
    >
      {polygons.length < 2 ? (
        <p className="msg warning">{t('overlay.noPolygonLayers')}</p>
      ) : (
        <OverlayForm polygons={polygons} value={form} onChange={setForm} defaults={(l) => ({ layerId: l.id, name: l.name, groupField: defaultGroupField(l.kind, l.meta.fields) })} />
      )}
      {state.kind === 'error' && <p className="msg error">{t('overlay.failed', { message: state.message })}</p>}
      {saved && <p className="msg ok">{t('overlay.exported', { name: saved })}</p>}
      {table && (
        <div className="overlay-result">
          <table className="grid small" data-testid="overlay-table">
            <thead>
              <tr>
                {table.columns.map((c) => <th key={c.key} colSpan={c.key === 'id' ? 1 : 2} rowSpan={c.key === 'id' ? 2 : 1}>{c.label}</th>)}
              </tr>
              <tr>{table.columns.slice(1).flatMap((c) => [<th key={`${c.key}m2`} className="num">{t('unit.m2')}</th>, <th key={`${c.key}mu`} className="num">{t('unit.mu')}</th>])}</tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={`${r.id}-${i}`}>
                  <td>{r.id}</td>
                  {r.cells.flatMap(([m2, mu], j) => [<td key={`${j}a`} className="num">{fmt(m2, 2)}</td>, <td key={`${j}b`} className="num">{fmt(mu, 4)}</td>])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
