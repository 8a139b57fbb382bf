import { useMemo, useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { ProgressCard } from '../../../ui/ProgressCard';
import { saveBytes } from '../../../platform/platform';
import { errorReason } from '../../../platform/coded-error';
import { writeXlsxInWorker } from '../../../platform/xlsx-client';
import type { LayerRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import { XLSX_MIME } from '../../../../shared/formats/xlsx/workbook';
import { toSafeFileName } from '../../../../shared/validation/file-name';
import {
  buildOverlayTable,
  defaultGroupField,
  defaultIdField,
  overlayCsv,
  overlaySheet,
  overlaySheetLabels,
  overlayTableLabels,
  overlayWorkbook,
  printed,
} from '../overlay.logic';
import { useOverlay } from '../use-overlay';
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
  const [exported, setExported] = useState<{ kind: 'saved' | 'failed' | 'writing'; text: string } | null>(null);
  const { state, run, cancel } = useOverlay();
  const table = useMemo(() => (state.kind === 'done' ? buildOverlayTable(state.result, state.layers, overlayTableLabels(t)) : null), [state, t]);
  // The one flat model the dialog, the CSV and the .xlsx all print.
  const sheet = useMemo(() => (table ? overlaySheet(table, overlaySheetLabels(t)) : null), [table, t]);

  // The one file-name rule: a translated title could hold a character main's saveFile refuses.
  const fileName = (ext: string) => toSafeFileName(`${t('overlay.title')}-${new Date().toISOString().slice(0, 10)}.${ext}`);
  const exportCsv = async () => {
    if (!sheet) return;
    const name = fileName('csv');
    if (await saveBytes(name, overlayCsv(sheet), 'text/csv;charset=utf-8', 'CSV', 'csv'))
      setExported({ kind: 'saved', text: t('overlay.exported', { name }) });
  };
  const exportXlsx = async () => {
    if (!sheet) return;
    const name = fileName('xlsx');
    setExported({ kind: 'writing', text: t('overlay.exportingXlsx') });
    try {
      const bytes = await writeXlsxInWorker(overlayWorkbook(sheet, t('overlay.sheetName'), new Date()));
      setExported((await saveBytes(name, bytes, XLSX_MIME, 'Excel', 'xlsx')) ? { kind: 'saved', text: t('overlay.exported', { name }) } : null);
    } catch (err) {
      setExported({ kind: 'failed', text: t('overlay.exportFailed', { message: errorReason(err, t) }) });
    }
  };
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
