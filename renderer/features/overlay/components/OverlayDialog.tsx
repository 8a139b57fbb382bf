import { useMemo, useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { ProgressCard } from '../../../ui/ProgressCard';
import type { LayerRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import {
  buildOverlayTable,
  defaultGroupField,
  defaultIdField,
  overlaySheet,
  overlaySheetLabels,
  overlayTableLabels,
  printed,
} from '../overlay.logic';
import { errorReason } from '../../../platform/coded-error';
import { useOverlay } from '../use-overlay';
import { useOverlayExport } from '../use-overlay-export';
import { OverlayForm, type OverlayFormValue } from './OverlayForm';

/** Figures, ids and zones stay on one line (the table scrolls sideways); only the notes wrap. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** 叠加分析: patch layer × overlay layers → table (m² and 亩, adds up per layer) → CSV or .xlsx. */
export function OverlayDialog({ layers, onClose }: { layers: LayerRecord[]; onClose: () => void }) {
  const { t } = useI18n();
  const polygons = layers.filter((l) => l.meta.geometryKind === 'polygon');
  const initialPlot = polygons.find((l) => l.kind === 'changePatch') ?? polygons[0];
  const [form, setForm] = useState<OverlayFormValue>({
    plotLayerId: initialPlot?.id ?? '',
    idField: initialPlot ? defaultIdField(initialPlot.meta.fields) : null,
    overlays: [],
  });
  const { state, run, cancel } = useOverlay();
  const table = useMemo(() => (state.kind === 'done' ? buildOverlayTable(state.result, state.layers, overlayTableLabels(t)) : null), [state, t]);
  // The one flat model the dialog, the CSV and the .xlsx all print.
  const sheet = useMemo(() => (table ? overlaySheet(table, overlaySheetLabels(t)) : null), [table, t]);

  const { exported, exportCsv, exportXlsx } = useOverlayExport(sheet);
  // Block columns (two per area column) come first; the plot's ellipsoidal area, zone and notes follow.
  const tail = sheet && table ? sheet.header.slice(2 * table.columns.length - 1) : [];
  const canRun = form.plotLayerId !== '' && form.overlays.length > 0 && state.kind !== 'running';
  return (
    <Dialog
      title={t('overlay.title')}
      onClose={onClose}
      wide
      testId="overlay-dialog"
      footer={
        <>
          {/* Cancel stays in the footer, left of 开始分析: a second click on that button must not land on it. */}
          {state.kind === 'running' && (
            <button className="btn" data-testid="overlay-cancel" onClick={cancel}>
              {t('common.cancel')}
            </button>
          )}
          {sheet && (
            <button className="btn" data-testid="overlay-export" onClick={() => void exportCsv()}>
              {t('overlay.exportCsv')}
            </button>
          )}
          {sheet && (
            <button className="btn" data-testid="overlay-export-xlsx" disabled={exported?.kind === 'writing'} onClick={() => void exportXlsx()}>
              {t('overlay.exportXlsx')}
            </button>
          )}
          <button
            className="btn primary"
            disabled={!canRun}
            data-testid="overlay-run"
            onClick={() => run({ plotLayerId: form.plotLayerId, idField: form.idField, layers: form.overlays })}
          >
            {t('overlay.run')}
          </button>
        </>
      }
    >
      {polygons.length < 2 ? (
        <p className="msg warning">{t('overlay.noPolygonLayers')}</p>
      ) : (
        <OverlayForm
          polygons={polygons}
          value={form}
          onChange={setForm}
          defaults={(l) => ({ layerId: l.id, name: l.name, groupField: defaultGroupField(l.kind, l.meta.fields) })}
        />
      )}
      {state.kind === 'running' && (
        <ProgressCard
          placement="inline"
          title={t('overlay.progress.title')}
          phase={t(state.total > 0 ? 'overlay.progress.phase' : 'overlay.progress.preparing')}
          counts={state}
          testId="overlay-progress"
        />
      )}
      {state.kind === 'error' && <p className="msg error">{t('overlay.failed', { message: errorReason(state.error, t) })}</p>}
      {exported && (
        <p className={`msg ${exported.kind === 'failed' ? 'error' : exported.kind === 'saved' ? 'ok' : 'muted'}`} data-testid="overlay-export-status">
          {exported.text}
        </p>
      )}
      {sheet && (
        <p className="muted small" data-testid="overlay-basis">
          {t('overlay.basis')}
        </p>
      )}
      {state.kind === 'done' && (
        <p className="muted small" data-testid="overlay-timing" data-overlay-ms={state.timings.overlayMs.toFixed(1)}>
          {t('overlay.timing', {
            plots: state.result.plots.length,
            overlay: state.timings.overlayMs.toFixed(0),
            read: state.timings.readMs.toFixed(0),
            index: state.timings.indexMs.toFixed(0),
          })}
        </p>
      )}
      {table && sheet && (
        <div className="overlay-result">
          <table className="grid small" data-testid="overlay-table">
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} colSpan={c.role === 'id' ? 1 : 2} rowSpan={c.role === 'id' ? 2 : 1}>
                    {c.label}
                  </th>
                ))}
                {tail.map((h) => (
                  <th key={h.label} rowSpan={2}>
                    {h.label}
                  </th>
                ))}
              </tr>
              <tr>
                {table.columns.slice(1).flatMap((c) => [
                  <th key={`${c.key}m2`} className="num">
                    {t('unit.m2')}
                  </th>,
                  <th key={`${c.key}mu`} className="num">
                    {t('unit.mu')}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {sheet.rows.map((r, i) => (
                <tr key={`${i}`}>
                  {r.map((v, j) => (
                    <td key={j} className={v.kind === 'text' ? undefined : 'num'} style={j < r.length - 1 ? NO_WRAP : undefined}>
                      {printed(v, { thousands: true })}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
