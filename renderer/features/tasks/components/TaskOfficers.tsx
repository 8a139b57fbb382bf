import type { TaskOfficer } from '../../../../shared/domain/patrol/task-record';
import { useI18n } from '../../../i18n';
import { CheckboxField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import type { TaskDraft } from '../tasks.logic';
import { patchTaskDraft, tasksState } from '../tasks-state';
import { BOX } from './box';

const sameOfficer = (a: TaskOfficer, b: TaskOfficer) => a.name === b.name && a.certNo === b.certNo;

/** 巡查人员: the grid's and the areas' people ticked, anyone else typed in (name and 执法证号). */
export function TaskOfficers({ candidates }: { candidates: readonly TaskOfficer[] }) {
  const { t } = useI18n();
  const d = useStore(tasksState).taskDraft as TaskDraft;
  const free = d.officers.filter((o) => !candidates.some((c) => sameOfficer(c, o)));
  const setFree = (i: number, patch: Partial<TaskOfficer>) => {
    const target = free[i]!;
    patchTaskDraft({ officers: d.officers.map((o) => (o === target ? { ...o, ...patch } : o)) });
  };
  return (
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
  );
}
