import { useMemo, useState, type CSSProperties } from 'react';
import type { DateKey } from '../../../../shared/domain/patrol/calendar';
import type { TaskOfficer } from '../../../../shared/domain/patrol/task-record';
import { formatMu } from '../../../../shared/domain/units/format';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { CheckboxField, DateField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import {
  deleteTaskOf,
  drawTaskRoute,
  exportGpx,
  exportXlsx,
  openSheet,
  pickTaskPoints,
  saveTaskDraft,
  stopTool,
  TOOL_IDS,
  TOOL_KEY,
} from '../tasks-actions';
import { areaChoices, officerCandidates, sheetOf, type TaskDraft } from '../tasks.logic';
import { patchTaskDraft, patrolAreaState, tasksState } from '../tasks-state';
import { PatchPicker } from './PatchPicker';
import { reasonText } from './text';
import { useKindLabel } from './use-kind-label';

const BOX: CSSProperties = { margin: 0, padding: 6, border: '1px solid rgba(0,0,0,0.15)', display: 'grid', gap: 4, minWidth: 0 };

const sameOfficer = (a: TaskOfficer, b: TaskOfficer) => a.name === b.name && a.certNo === b.certNo;

/** The day's task being planned: officers, areas, points, the planned route, its figures, notes; save, print, export. */
export function TaskForm() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const d = useStore(tasksState).taskDraft as TaskDraft;
  const grid = useStore(gridState).areas;
  const { areas } = useStore(patrolAreaState);
  const tool = useStore(wb.keys)[TOOL_KEY];
  const kindLabel = useKindLabel();
  const choices = useMemo(() => areaChoices(grid, areas), [grid, areas]);
  const candidates = useMemo(() => officerCandidates(grid, areas), [grid, areas]);
  const sheet = useMemo(() => sheetOf(d, choices, kindLabel), [d, choices, kindLabel]);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const free = d.officers.filter((o) => !candidates.some((c) => sameOfficer(c, o)));
  const setFree = (i: number, patch: Partial<TaskOfficer>) => {
    const target = free[i]!;
    patchTaskDraft({ officers: d.officers.map((o) => (o === target ? { ...o, ...patch } : o)) });
  };
  const run = (label: string, fn: () => Promise<unknown>) =>
    void fn().then(
      (r) => setStatus(r === false ? null : { kind: 'ok', text: label }),
      (e: unknown) => setStatus({ kind: 'error', text: t('tasks.saveFailed', { message: errorText(e, t) }) }),
    );
  const close = () => {
    stopTool(wb);
    tasksState.set((s) => ({ ...s, taskDraft: null }));
  };
  return (
    <form
      data-testid="tasks-task-form"
      noValidate
      style={{ display: 'grid', gap: 6 }}
      onSubmit={(e) => {
        e.preventDefault();
        void saveTaskDraft().then(
          (r) =>
            setStatus(
              r.ok ? { kind: 'ok', text: t('tasks.task.saved') } : { kind: 'error', text: t('tasks.refused', { reason: reasonText(t, r.reason) }) },
            ),
          (e2: unknown) => setStatus({ kind: 'error', text: t('tasks.saveFailed', { message: errorText(e2, t) }) }),
        );
      }}
    >
      <DateField
        label={t('tasks.task.date')}
        value={d.date}
        onChange={(v) => v && patchTaskDraft({ date: v as DateKey })}
        testId="tasks-task-date"
        required
      />

      <fieldset style={BOX} data-testid="tasks-officers">
        <legend>{t('tasks.sheet.officers')}</legend>
        {candidates.map((c) => (
          <CheckboxField
            key={`${c.name}/${c.certNo}`}
            label={c.certNo ? t('tasks.officerWithCert', { name: c.name, cert: c.certNo }) : c.name}
            checked={d.officers.some((o) => sameOfficer(o, c))}
            onChange={(on) => patchTaskDraft({ officers: on ? [...d.officers, c] : d.officers.filter((o) => !sameOfficer(o, c)) })}
            testId="tasks-officer-option"
          />
        ))}
        {free.map((o, i) => (
          <div key={i} style={{ display: 'flex', gap: 4, alignItems: 'end' }}>
            <TextField label={t('tasks.person.name')} value={o.name} onChange={(v) => setFree(i, { name: v })} testId="tasks-officer-name" />
            <TextField label={t('tasks.person.cert')} value={o.certNo} onChange={(v) => setFree(i, { certNo: v })} testId="tasks-officer-cert" />
          </div>
        ))}
        <button
          type="button"
          className="btn small"
          data-testid="tasks-officer-add"
          onClick={() => patchTaskDraft({ officers: [...d.officers, { name: '', certNo: '' }] })}
        >
          {t('tasks.person.add')}
        </button>
      </fieldset>

      <fieldset style={BOX} data-testid="tasks-areas">
        <legend>{t('tasks.xlsx.sheetAreas')}</legend>
        {choices.length === 0 && <p className="muted">{t('tasks.task.noAreas')}</p>}
        <div style={{ maxHeight: 160, overflow: 'auto' }}>
          {choices.map((c) => (
            <CheckboxField
              key={c.id}
              label={`${c.name}（${kindLabel(c)}）`}
              checked={d.areaIds.includes(c.id)}
              onChange={(on) => patchTaskDraft({ areaIds: on ? [...d.areaIds, c.id] : d.areaIds.filter((x) => x !== c.id) })}
              testId="tasks-area-option"
            />
          ))}
        </div>
      </fieldset>

      <fieldset style={BOX} data-testid="tasks-points">
        <legend>{t('tasks.xlsx.sheetPoints')}</legend>
        {d.points.length === 0 && <p className="muted">{t('tasks.points.none')}</p>}
        {d.points.map((p) => (
          <div key={p.id} data-testid="tasks-point" data-point-id={p.id} style={{ display: 'flex', gap: 4, alignItems: 'end' }}>
            <strong style={{ minWidth: 26 }}>{p.id}</strong>
            <TextField
              label={t('tasks.sheet.name')}
              hideLabel
              value={p.name}
              onChange={(v) => patchTaskDraft({ points: d.points.map((x) => (x.id === p.id ? { ...x, name: v } : x)) })}
              placeholder={`${p.lngLat[0].toFixed(5)}, ${p.lngLat[1].toFixed(5)}`}
              testId="tasks-point-name"
            />
            <button
              type="button"
              className="btn small"
              aria-label={t('tasks.points.remove', { id: p.id })}
              onClick={() => patchTaskDraft({ points: d.points.filter((x) => x.id !== p.id) })}
            >
              ×
            </button>
          </div>
        ))}
        <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          {tool === TOOL_IDS.taskPoints ? (
            <button type="button" className="btn small primary" data-testid="tasks-points-stop" onClick={() => stopTool(wb)}>
              {t('tasks.points.stop')}
            </button>
          ) : (
            <button type="button" className="btn small" data-testid="tasks-points-pick" onClick={() => pickTaskPoints(wb)}>
              {t('tasks.points.pick')}
            </button>
          )}
        </div>
        <p className="muted" style={{ margin: 0 }}>
          {t('tasks.points.hint')}
        </p>
        <PatchPicker />
      </fieldset>

      <fieldset style={BOX} data-testid="tasks-route">
        <legend>{t('tasks.route')}</legend>
        <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <button
            type="button"
            className="btn small"
            data-testid="tasks-route-draw"
            disabled={tool === TOOL_IDS.taskRoute}
            onClick={() => drawTaskRoute(wb)}
          >
            {d.plannedRoute ? t('tasks.route.redraw') : t('tasks.route.draw')}
          </button>
          {d.plannedRoute && (
            <button type="button" className="btn small" onClick={() => patchTaskDraft({ plannedRoute: null })}>
              {t('tasks.route.clear')}
            </button>
          )}
        </div>
        <table className="kv">
          <tbody>
            <tr>
              <th>{t('tasks.sheet.routeKm')}</th>
              <td data-testid="tasks-route-km" data-metres={sheet.routeMetres?.toFixed(3) ?? ''}>
                {sheet.routeMetres === null ? '—' : t('tasks.kmValue', { km: (sheet.routeMetres / 1000).toFixed(3) })}
              </td>
            </tr>
            <tr>
              <th>{t('tasks.sheet.totalMu')}</th>
              <td data-testid="tasks-total-mu">{t('tasks.totalValue', { mu: formatMu(sheet.totalMu), n: sheet.areas.length })}</td>
            </tr>
          </tbody>
        </table>
      </fieldset>

      <TextField label={t('tasks.sheet.notes')} value={d.notes} onChange={(v) => patchTaskDraft({ notes: v })} testId="tasks-task-notes" />
      <CheckboxField
        label={t('tasks.task.done')}
        checked={d.status === 'done'}
        onChange={(on) => patchTaskDraft({ status: on ? 'done' : 'planned' })}
        testId="tasks-task-done"
      />

      {status && (
        <p
          className={`msg ${status.kind === 'error' ? 'error' : 'info'}`}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="tasks-task-status"
        >
          {status.text}
        </p>
      )}
      <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
        <button type="submit" className="btn small primary" data-testid="tasks-task-save">
          {t('tasks.save')}
        </button>
        <button type="button" className="btn small" data-testid="tasks-sheet-open" onClick={() => void openSheet(wb, choices)}>
          {t('tasks.sheet.open')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="tasks-export-xlsx"
          onClick={() => run(t('tasks.exported', { what: 'Excel' }), () => exportXlsx(t, d, choices, kindLabel))}
        >
          {t('tasks.export.xlsx')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="tasks-export-gpx"
          onClick={() => run(t('tasks.exported', { what: 'GPX' }), () => exportGpx(t, d))}
        >
          {t('tasks.export.gpx')}
        </button>
        {d.id !== null &&
          (confirmDelete ? (
            <button type="button" className="btn small danger" data-testid="tasks-task-delete-confirm" onClick={() => void deleteTaskOf(d.id!)}>
              {t('tasks.deleteConfirm')}
            </button>
          ) : (
            <button type="button" className="btn small" onClick={() => setConfirmDelete(true)}>
              {t('tasks.delete')}
            </button>
          ))}
        <button type="button" className="btn small" data-testid="tasks-task-close" onClick={close}>
          {t('tasks.close')}
        </button>
      </div>
    </form>
  );
}
