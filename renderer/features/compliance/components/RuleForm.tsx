import { useState } from 'react';
import { PATROL_BYS, RULE_APPLIES_TO, RULE_PERS } from '../../../../shared/domain/patrol/rule';
import { useI18n } from '../../../i18n';
import { CheckboxField, NumberField, SelectField, TextField } from '../../../ui/fields';
import { APPLIES_KEY, BY_KEY, PER_KEY, checkDraft, ruleLabel, type RuleDraft } from '../rule-form.logic';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * One rule's fields: whom it is for (an area, a key area, a stop-notice site), how many patrols per week / month /
 * quarter and by whom, the season (months), or the follow-up interval. The line the rule will read as is shown as
 * it is typed; a refusal is said under its field once the user tries to save.
 */
export function RuleForm({ initial, onSave, onCancel }: { initial: RuleDraft; onSave: (d: RuleDraft) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [d, setD] = useState<RuleDraft>(initial);
  const [tried, setTried] = useState(false);
  const errors = tried ? checkDraft(d) : {};
  const set = (patch: Partial<RuleDraft>) => setD((x) => ({ ...x, ...patch }));
  const stop = d.appliesTo === 'stopNoticeSite';
  const preview =
    Object.keys(checkDraft(d)).length === 0
      ? ruleLabel(
          { ...d, minCount: d.minCount ?? 1, months: d.seasonal ? d.months : undefined, followUpEveryDays: d.followUpEveryDays ?? undefined },
          t,
        )
      : '—';
  return (
    <form
      className="fields"
      data-testid="compliance-rule-form"
      noValidate
      style={{ padding: 8, border: '1px solid rgba(0,0,0,0.15)', borderRadius: 4 }}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        // A number field showing its own refusal (text that is not a number) still holds its last good value: refuse.
        if (e.currentTarget.querySelector('[aria-invalid="true"]')) return;
        if (Object.keys(checkDraft(d)).length === 0) onSave(d);
      }}
    >
      <SelectField
        label={t('compliance.rule.appliesTo')}
        layout="inline"
        options={RULE_APPLIES_TO.map((v) => ({ value: v, label: t(APPLIES_KEY[v]) }))}
        value={d.appliesTo}
        onChange={(appliesTo) => set({ appliesTo })}
        testId="compliance-rule-applies"
      />
      {stop ? (
        <NumberField
          label={t('compliance.rule.followUp')}
          layout="inline"
          integer
          min={1}
          value={d.followUpEveryDays}
          onChange={(followUpEveryDays) => set({ followUpEveryDays })}
          unit={t('compliance.rule.days')}
          error={errors.followUpEveryDays ? t(errors.followUpEveryDays) : null}
          testId="compliance-rule-followup"
        />
      ) : (
        <>
          <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <SelectField
              label={t('compliance.rule.per')}
              layout="inline"
              options={RULE_PERS.map((v) => ({ value: v, label: t(PER_KEY[v]) }))}
              value={d.per}
              onChange={(per) => set({ per })}
              testId="compliance-rule-per"
            />
            <NumberField
              label={t('compliance.rule.minCount')}
              layout="inline"
              integer
              value={d.minCount}
              onChange={(minCount) => set({ minCount })}
              unit={t('compliance.rule.times')}
              error={errors.minCount ? t(errors.minCount) : null}
              testId="compliance-rule-count"
            />
          </div>
          <CheckboxField
            label={t('compliance.rule.seasonal')}
            checked={d.seasonal}
            onChange={(seasonal) => set({ seasonal })}
            testId="compliance-rule-seasonal"
          />
          {d.seasonal && (
            <fieldset style={{ margin: 0, padding: 4, border: 0 }} data-testid="compliance-rule-months">
              <legend className="visually-hidden">{t('compliance.rule.months')}</legend>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(6, auto)', gap: 2 }}>
                {MONTHS.map((m) => (
                  <label key={m} style={{ whiteSpace: 'nowrap' }}>
                    <input
                      type="checkbox"
                      checked={d.months.includes(m)}
                      data-testid={`compliance-rule-month-${m}`}
                      onChange={(e) => set({ months: e.target.checked ? [...d.months, m] : d.months.filter((x) => x !== m) })}
                    />
                    {t('compliance.rule.monthN', { n: m })}
                  </label>
                ))}
              </div>
              {errors.months && (
                <p className="field-error" role="alert">
                  {t(errors.months)}
                </p>
              )}
            </fieldset>
          )}
        </>
      )}
      <SelectField
        label={t('compliance.rule.by')}
        layout="inline"
        options={PATROL_BYS.map((v) => ({ value: v, label: t(BY_KEY[v]) }))}
        value={d.by}
        onChange={(by) => set({ by })}
        testId="compliance-rule-by"
      />
      <TextField
        label={t('compliance.rule.name')}
        value={d.name}
        onChange={(name) => set({ name })}
        placeholder={preview}
        hint={t('compliance.rule.nameHint')}
        testId="compliance-rule-name"
      />
      <p className="muted" data-testid="compliance-rule-preview">
        {t('compliance.rule.preview', { label: preview })}
      </p>
      <div style={{ display: 'flex', gap: 6, justifyContent: 'flex-end' }}>
        <button type="button" className="btn small" onClick={onCancel}>
          {t('compliance.cancel')}
        </button>
        <button type="submit" className="btn small primary" data-testid="compliance-rule-save">
          {t('compliance.save')}
        </button>
      </div>
    </form>
  );
}
