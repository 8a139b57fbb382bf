import { useI18n } from '../../../i18n';
import { TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { pickTaskPoints, stopTool, TOOL_IDS, TOOL_KEY } from '../tasks-actions';
import type { TaskDraft } from '../tasks.logic';
import { patchTaskDraft, tasksState } from '../tasks-state';
import { BOX } from './box';
import { PatchPicker } from './PatchPicker';

/** 巡查点位: the task's points (named, removable), picked on the map or from a layer's features. */
export function TaskPoints() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const d = useStore(tasksState).taskDraft as TaskDraft;
  const tool = useStore(wb.keys)[TOOL_KEY];
  return (
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
  );
}
