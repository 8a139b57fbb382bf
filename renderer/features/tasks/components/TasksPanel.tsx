import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { tasksState } from '../tasks-state';
import { AreasSection } from './AreasSection';
import { TaskSection } from './TaskSection';

/** 任务: the patrol areas (巡查区域) and the day's tasks (当日任务), one section at a time. */
export function TasksPanel() {
  const { t } = useI18n();
  const { section } = useStore(tasksState);
  const tab = (id: 'areas' | 'task', label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={section === id}
      className={`btn small${section === id ? ' primary' : ''}`}
      data-testid={`tasks-tab-${id}`}
      onClick={() => tasksState.set((s) => ({ ...s, section: id }))}
    >
      {label}
    </button>
  );
  return (
    <section className="panel tasks-panel" data-testid="tasks-panel" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <header className="panel-header">
        <h2>{t('tasks.title')}</h2>
        <div role="tablist" style={{ display: 'flex', gap: 4 }}>
          {tab('areas', t('tasks.tab.areas'))}
          {tab('task', t('tasks.tab.task'))}
        </div>
      </header>
      <div style={{ overflow: 'auto', padding: '4px 10px 10px', display: 'grid', gap: 8, alignContent: 'start' }}>
        {section === 'areas' ? <AreasSection /> : <TaskSection />}
      </div>
    </section>
  );
}
