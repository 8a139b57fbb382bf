import type { DateKey } from '../../../../shared/domain/patrol/calendar';
import { useI18n } from '../../../i18n';
import { DateField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { draftOfTask, emptyTaskDraft } from '../tasks.logic';
import { tasksState } from '../tasks-state';
import { TaskForm } from './TaskForm';

/** 当日任务: a day, its tasks (one per team), a new one; the task being edited below. */
export function TaskSection() {
  const { t } = useI18n();
  const { tasks, day, taskDraft } = useStore(tasksState);
  const ofDay = tasks.filter((x) => x.date === day && x.deletedAt === null);
  // One form for the open draft: saving a new task gives it an id, and the form (with its status line) stays.
  if (taskDraft) return <TaskForm />;
  return (
    <>
      <DateField label={t('tasks.day')} value={day} onChange={(v) => v && tasksState.set((s) => ({ ...s, day: v as DateKey }))} testId="tasks-day" />
      {ofDay.length === 0 ? (
        <p className="empty-note">{t('tasks.day.empty')}</p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {ofDay.map((task, i) => (
            <li
              key={task.id}
              data-testid="tasks-task-row"
              data-task-id={task.id}
              style={{ display: 'flex', gap: 6, alignItems: 'baseline', padding: '3px 0' }}
            >
              <strong>{t('tasks.task.n', { n: i + 1 })}</strong>
              <span>{task.officers.map((o) => o.name).join('、') || t('tasks.task.noOfficers')}</span>
              <span className="muted">{t('tasks.task.counts', { areas: task.areaIds.length, points: task.points.length })}</span>
              <span className="muted">{t(task.status === 'done' ? 'tasks.status.done' : 'tasks.status.planned')}</span>
              <button
                type="button"
                className="btn small"
                style={{ marginLeft: 'auto' }}
                data-testid="tasks-task-open"
                onClick={() => tasksState.set((s) => ({ ...s, taskDraft: draftOfTask(task) }))}
              >
                {t('tasks.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="btn small primary"
        data-testid="tasks-task-new"
        onClick={() => tasksState.set((s) => ({ ...s, taskDraft: emptyTaskDraft(s.day) }))}
      >
        {t('tasks.task.new')}
      </button>
    </>
  );
}
