import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatDegrees, formatMetres, formatMu, formatSquareMetres } from '../../../../shared/domain/units/format';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { useStore } from '../../../ui/store';
import { gridState } from '../../grid';
import { closeSheet, printSheet } from '../tasks-actions';
import { areaChoices, sheetOf } from '../tasks.logic';
import { patrolAreaState, tasksState } from '../tasks-state';
import { useKindLabel } from './use-kind-label';

// The print view is portalled to <body> so that printing can hide the whole app beside it (A4 portrait, 15 mm margins;
// backgrounds off: the sheet is black on white).
const PRINT_CSS = `
@page { size: 210mm 297mm; margin: 15mm; }
.task-sheet-root { position: fixed; inset: 0; z-index: 1000; background: rgba(40, 48, 56, 0.55); overflow: auto; }
.task-sheet { width: 180mm; margin: 12px auto; background: #fff; color: #000; padding: 12mm 15mm; font-size: 10.5pt; box-shadow: 0 2px 12px rgba(0,0,0,0.4); }
.task-sheet h1 { text-align: center; font-size: 20pt; letter-spacing: 0.3em; margin: 0 0 4mm; }
.task-sheet h2 { font-size: 11pt; margin: 4mm 0 1.5mm; }
.task-sheet table { width: 100%; border-collapse: collapse; }
.task-sheet th, .task-sheet td { border: 0.3mm solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.task-sheet td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.task-sheet .meta td, .task-sheet .meta th { border: none; padding: 0.5mm 1mm; }
.task-sheet .sheet-map { width: 100%; max-height: 95mm; object-fit: contain; border: 0.3mm solid #000; display: block; }
.task-sheet .note { font-size: 8.5pt; color: #333; margin: 1mm 0; }
.task-sheet .signs { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 6mm; margin-top: 8mm; }
.task-sheet .signs div { border-bottom: 0.3mm solid #000; padding-top: 8mm; font-size: 9.5pt; }
.task-sheet-bar { width: 180mm; margin: 12px auto 0; display: flex; gap: 6px; justify-content: flex-end; }
@media print {
  html, body { background: #fff !important; height: auto !important; overflow: visible !important; }
  body > *:not(.task-sheet-root) { display: none !important; }
  .task-sheet-root { position: static; background: none; overflow: visible; }
  .task-sheet-bar { display: none; }
  .task-sheet { width: auto; margin: 0; padding: 0; box-shadow: none; }
  .task-sheet tr, .task-sheet .sheet-map, .task-sheet .signs { break-inside: avoid; }
}
`;

/** 巡查任务单: the print view of the task open in the form (title, date, officers, areas, points with CGCS2000 GK X/Y, route, map, signatures). */
export function TaskSheetView() {
  const { sheet } = useStore(tasksState);
  if (!sheet) return null;
  return createPortal(<SheetBody />, document.body);
}

function SheetBody() {
  const { t } = useI18n();
  const { sheet: open } = useStore(tasksState);
  const grid = useStore(gridState).areas;
  const { areas } = useStore(patrolAreaState);
  const kindLabel = useKindLabel();
  const [error, setError] = useState<string | null>(null);
  const d = open!.draft;
  // Deleted patrol areas still resolve: a sheet names what the task named.
  const choices = useMemo(
    () =>
      areaChoices(
        grid,
        areas.map((a) => (a.deletedAt === null ? a : { ...a, deletedAt: null })),
      ),
    [grid, areas],
  );
  const sheet = useMemo(() => sheetOf(d, choices, kindLabel), [d, choices, kindLabel]);
  const zone = sheet.pointZone;
  return (
    <div className="task-sheet-root" data-testid="task-sheet">
      <style>{PRINT_CSS}</style>
      <div className="task-sheet-bar">
        {error && (
          <span className="msg error" role="alert">
            {error}
          </span>
        )}
        <button
          type="button"
          className="btn primary"
          data-testid="task-sheet-print"
          onClick={() => void printSheet(t, d).catch((e: unknown) => setError(errorText(e, t)))}
        >
          {t('tasks.sheet.print')}
        </button>
        <button type="button" className="btn" data-testid="task-sheet-close" onClick={closeSheet}>
          {t('tasks.close')}
        </button>
      </div>
      <article className="task-sheet">
        <h1>{t('tasks.sheet.title')}</h1>
        <table className="meta">
          <tbody>
            <tr>
              <th>{t('tasks.sheet.date')}</th>
              <td data-testid="task-sheet-date">{sheet.date}</td>
              <th>{t('tasks.sheet.status')}</th>
              <td>{t(sheet.status === 'done' ? 'tasks.status.done' : 'tasks.status.planned')}</td>
            </tr>
            <tr>
              <th>{t('tasks.sheet.officers')}</th>
              <td colSpan={3} data-testid="task-sheet-officers">
                {sheet.officers.map((o) => (o.certNo ? t('tasks.officerWithCert', { name: o.name, cert: o.certNo }) : o.name)).join('、') || '—'}
              </td>
            </tr>
            <tr>
              <th>{t('tasks.sheet.routeKm')}</th>
              <td data-testid="task-sheet-route">
                {sheet.routeMetres === null ? '—' : t('tasks.kmValue', { km: (sheet.routeMetres / 1000).toFixed(3) })}
              </td>
              <th>{t('tasks.sheet.totalMu')}</th>
              <td data-testid="task-sheet-total">{formatMu(sheet.totalMu)}</td>
            </tr>
          </tbody>
        </table>

        <h2>{t('tasks.xlsx.sheetAreas')}</h2>
        <table data-testid="task-sheet-areas">
          <thead>
            <tr>
              <th>{t('tasks.sheet.no')}</th>
              <th>{t('tasks.sheet.name')}</th>
              <th>{t('tasks.sheet.kind')}</th>
              <th>{t('tasks.sheet.people')}</th>
              <th>{t('tasks.sheet.planarM2')}</th>
              <th>{t('tasks.sheet.mu')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.areas.map((a) => (
              <tr key={a.id}>
                <td>{a.no}</td>
                <td>{a.missing ? t('tasks.sheet.missing', { id: a.id }) : a.name}</td>
                <td>{a.kindLabel}</td>
                <td>{a.people}</td>
                <td className="num">{a.planarM2 === null ? '—' : formatSquareMetres(a.planarM2)}</td>
                <td className="num">{a.mu === null ? '—' : formatMu(a.mu)}</td>
              </tr>
            ))}
            <tr>
              <th colSpan={4}>{t('tasks.sheet.sum')}</th>
              <td className="num">{formatSquareMetres(sheet.totalPlanarM2)}</td>
              <td className="num">{formatMu(sheet.totalMu)}</td>
            </tr>
          </tbody>
        </table>
        <p className="note">{t('tasks.sheet.areaNote')}</p>

        <h2>{t('tasks.xlsx.sheetPoints')}</h2>
        <table data-testid="task-sheet-points">
          <thead>
            <tr>
              <th>{t('tasks.sheet.pointId')}</th>
              <th>{t('tasks.sheet.name')}</th>
              <th>{t('tasks.sheet.lng')}</th>
              <th>{t('tasks.sheet.lat')}</th>
              <th>{t('tasks.sheet.x')}</th>
              <th>{t('tasks.sheet.y')}</th>
              <th>{t('tasks.sheet.note')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.points.map((p) => (
              <tr key={p.id} data-testid="task-sheet-point">
                <td>{p.id}</td>
                <td>{p.name}</td>
                <td className="num">{formatDegrees(p.lng)}</td>
                <td className="num">{formatDegrees(p.lat)}</td>
                <td className="num">{formatMetres(p.x)}</td>
                <td className="num">{formatMetres(p.y)}</td>
                <td>{p.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {zone && <p className="note">{t('tasks.sheet.crsNote', { width: zone.width, zone: zone.zone, cm: zone.centralMeridian })}</p>}

        {open!.mapUrl ? (
          <img className="sheet-map" src={open!.mapUrl} alt={t('tasks.sheet.map')} data-testid="task-sheet-map" />
        ) : (
          <p className="note">{t('tasks.sheet.mapPending')}</p>
        )}

        {sheet.notes && (
          <>
            <h2>{t('tasks.sheet.notes')}</h2>
            <p>{sheet.notes}</p>
          </>
        )}
        <div className="signs">
          <div>{t('tasks.sheet.sign.assigner')}</div>
          <div>{t('tasks.sheet.sign.officers')}</div>
          <div>{t('tasks.sheet.sign.date')}</div>
        </div>
      </article>
    </div>
  );
}
