import { useI18n } from '../../../i18n';
import { Field } from '../../../ui/fields';
import type { PatrolDraft } from '../patrol.logic';
import { setDraft } from '../patrol-form-state';

/** A multi-line text of the form (巡查基本情况记录, 制止措施及效果, 备注). */
export function TextArea({
  label,
  value,
  onChange,
  testId,
  rows = 3,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  rows?: number;
}) {
  return (
    <Field label={label}>
      {(c) => (
        <textarea
          {...c}
          className="field-input patrol-textarea"
          rows={rows}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** 开始时间 / 结束时间, in Beijing time (the form says so below them). */
export function TimesFields({ draft, startError, endError }: { draft: PatrolDraft; startError: string | null; endError: string | null }) {
  const { t } = useI18n();
  return (
    <>
      <div className="patrol-times">
        <Field label={t('patrol.field.startedAt')} required error={startError}>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              className="field-input"
              value={draft.startText}
              data-testid="patrol-start"
              onChange={(e) => setDraft({ startText: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('patrol.field.endedAt')} error={endError}>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              className="field-input"
              value={draft.endText}
              data-testid="patrol-end"
              onChange={(e) => setDraft({ endText: e.target.value })}
            />
          )}
        </Field>
      </div>
      <p className="field-hint">{t('patrol.form.timeZone')}</p>
    </>
  );
}
