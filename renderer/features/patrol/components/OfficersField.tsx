import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { Select } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { gridState } from '../../grid';
import { officerChoices } from '../officers.logic';
import { formState, setDraft } from '../patrol-form-state';

/** 巡查人员: picked from the grid's responsible people (their 执法证号 with them), or typed. */
export function OfficersField({ error }: { error: string | null }) {
  const { t } = useI18n();
  const form = useStore(formState);
  const { areas } = useStore(gridState);
  const choices = useMemo(() => officerChoices(areas, form?.draft.officers ?? []), [areas, form?.draft.officers]);
  if (!form) return null;
  const officers = form.draft.officers;
  const set = (i: number, patch: Partial<{ name: string; certNo: string }>) =>
    setDraft({ officers: officers.map((o, k) => (k === i ? { ...o, ...patch } : o)) });
  return (
    <fieldset className="patrol-section" data-testid="patrol-officers">
      <legend>
        {t('patrol.field.officers')}
        <span className="field-required" aria-hidden="true">
          *
        </span>
      </legend>
      {officers.map((o, i) => (
        <div className="patrol-officer" key={i} data-testid="patrol-officer">
          <input
            className="field-input"
            aria-label={t('patrol.officer.name')}
            placeholder={t('patrol.officer.name')}
            value={o.name}
            data-testid="patrol-officer-name"
            onChange={(e) => set(i, { name: e.target.value })}
          />
          <input
            className="field-input"
            aria-label={t('patrol.officer.certNo')}
            placeholder={t('patrol.officer.certNo')}
            value={o.certNo}
            data-testid="patrol-officer-cert"
            onChange={(e) => set(i, { certNo: e.target.value })}
          />
          <button
            type="button"
            className="btn small"
            aria-label={t('patrol.officer.remove')}
            onClick={() => setDraft({ officers: officers.filter((_, k) => k !== i) })}
          >
            ×
          </button>
        </div>
      ))}
      <div className="patrol-officer-add">
        {choices.length > 0 && (
          <Select
            title={t('patrol.officer.pick')}
            testId="patrol-officer-pick"
            value=""
            options={[{ value: '', label: t('patrol.officer.pick') }, ...choices.map((c) => ({ value: c.key, label: c.label }))]}
            onChange={(key) => {
              const c = choices.find((x) => x.key === key);
              if (c) setDraft({ officers: [...officers, c.officer] });
            }}
          />
        )}
        <button
          type="button"
          className="btn small"
          data-testid="patrol-officer-add"
          onClick={() => setDraft({ officers: [...officers, { name: '', certNo: '' }] })}
        >
          {t('patrol.officer.add')}
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
