import { useMemo, useState } from 'react';
import type { DateKey } from '../../../../shared/domain/patrol/calendar';
import { formatMu } from '../../../../shared/domain/units/format';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { CheckboxField, DateField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import { deleteTaskOf, drawTaskRoute, exportGpx, exportXlsx, openSheet, saveTaskDraft, stopTool, TOOL_IDS, TOOL_KEY } from '../tasks-actions';
import { areaChoices, officerCandidates, sheetOf, type TaskDraft } from '../tasks.logic';
import { patchTaskDraft, patrolAreaState, tasksState } from '../tasks-state';
import { BOX } from './box';
import { TaskOfficers } from './TaskOfficers';
import { TaskPoints } from './TaskPoints';
import { reasonText } from './text';
import { useKindLabel } from './use-kind-label';

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

      <TaskOfficers candidates={candidates} />

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

      <TaskPoints />

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
