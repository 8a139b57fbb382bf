import { useI18n } from '../../../i18n';
import { CheckboxField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { patrolState } from '../../patrol';
import type { AreaDraft, PersonDraft } from '../tasks.logic';
import { patchAreaDraft, tasksState } from '../tasks-state';
import { BOX } from './box';

/** An area's responsible people (name, 执法证号) and the office's patrol rules that apply to it (patrolState's rules). */
export function AreaPeopleRules() {
  const { t } = useI18n();
  const d = useStore(tasksState).areaDraft as AreaDraft;
  const { rules } = useStore(patrolState);
  const setPerson = (i: number, patch: Partial<PersonDraft>) =>
    patchAreaDraft({ people: d.people.map((p, k) => (k === i ? { ...p, ...patch } : p)) });
  return (
    <>
      <fieldset style={BOX}>
        <legend>{t('tasks.field.people')}</legend>
        {d.people.map((p, i) => (
          <div key={i} style={{ display: 'flex', gap: 4, alignItems: 'end' }} data-testid="tasks-person">
            <TextField label={t('tasks.person.name')} value={p.name} onChange={(v) => setPerson(i, { name: v })} testId="tasks-person-name" />
            <TextField label={t('tasks.person.cert')} value={p.certNo} onChange={(v) => setPerson(i, { certNo: v })} testId="tasks-person-cert" />
            <button
              type="button"
              className="btn small"
              aria-label={t('tasks.person.remove')}
              onClick={() => patchAreaDraft({ people: d.people.filter((_, k) => k !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn small"
          data-testid="tasks-person-add"
          onClick={() => patchAreaDraft({ people: [...d.people, { name: '', certNo: '', phone: '' }] })}
        >
          {t('tasks.person.add')}
        </button>
      </fieldset>
      <fieldset style={BOX} data-testid="tasks-rules">
        <legend>{t('tasks.field.rules')}</legend>
        {rules.length === 0 && <p className="muted">{t('tasks.rules.none')}</p>}
        {rules.map((r) => (
          <CheckboxField
            key={r.id}
            label={r.name}
            checked={d.ruleIds.includes(r.id)}
            onChange={(on) => patchAreaDraft({ ruleIds: on ? [...d.ruleIds, r.id] : d.ruleIds.filter((x) => x !== r.id) })}
            testId={`tasks-rule-${r.id}`}
          />
        ))}
      </fieldset>
    </>
  );
}
