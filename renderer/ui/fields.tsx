import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { dateValueOf, describedBy, fieldIds, numberFieldText, readNumber, type NumberDraft, type NumberRule } from './fields.logic';

/** What a field passes to its control: the id its label points at, and what describes it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

/** Props every field takes. `error` (non-empty) marks the control invalid and is said below it. */
export interface FieldProps {
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  disabled?: boolean;
  /** The control's id; one is made when omitted. */
  id?: string;
  /** `stacked`: label above the control; `inline`: label left of it (a dense row in a dialog). */
  layout?: 'stacked' | 'inline';
  /** The label is read by screen readers only (a fieldset's legend already says it on screen). */
  hideLabel?: boolean;
  testId?: string;
  title?: string;
  className?: string;
}

/** Label + control + unit + hint + error, wired by id: the label names the control, hint/unit/error describe it. */
export function Field({
  label,
  hint,
  error,
  required,
  id,
  layout = 'stacked',
  hideLabel,
  className,
  unit,
  children,
}: Omit<FieldProps, 'disabled' | 'testId' | 'title'> & { unit?: string; children: (control: FieldControlProps) => ReactNode }) {
  const made = useId();
  const ids = fieldIds(id ?? made);
  const control: FieldControlProps = {
    id: ids.control,
    'aria-describedby': describedBy(ids, { hint: !!hint, unit: !!unit, error: !!error }),
    ...(error ? { 'aria-invalid': true } : {}),
    ...(required ? { required } : {}),
  };
  return (
    <div className={['field', layout, className].filter(Boolean).join(' ')}>
      <label id={ids.label} htmlFor={ids.control} className={hideLabel ? 'field-label visually-hidden' : 'field-label'}>
        {label}
        {required && (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      <div className="field-control">
        {children(control)}
        {unit && (
          <span id={ids.unit} className="field-unit">
            {unit}
          </span>
        )}
      </div>
      <FieldNotes ids={ids} hint={hint} error={error} />
    </div>
  );
}

/** A field's hint and error lines, with the ids its control's aria-describedby points at. */
function FieldNotes({ ids, hint, error }: { ids: { hint: string; error: string }; hint?: string | undefined; error?: string | null | undefined }) {
  return (
    <>
      {hint && (
        <p id={ids.hint} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.error} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

const fieldOf = (p: FieldProps) => ({
  label: p.label,
  hint: p.hint,
  error: p.error,
  required: p.required,
  id: p.id,
  layout: p.layout,
  hideLabel: p.hideLabel,
  className: p.className,
});

export function TextField(
  p: FieldProps & { value: string; onChange: (v: string) => void; type?: 'text' | 'search'; placeholder?: string; maxLength?: number },
) {
  return (
    <Field {...fieldOf(p)}>
      {(c) => (
        <input
          {...c}
          className="field-input"
          type={p.type ?? 'text'}
          value={p.value}
          placeholder={p.placeholder}
          maxLength={p.maxLength}
          disabled={p.disabled}
          title={p.title}
          data-testid={p.testId}
          onChange={(e) => p.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A number with its unit after it (亩, m²). Text, not <input type="number">: that one refuses full-width digits
 * and forgets what was typed when it is not a number; here the text stays and its reason is said. `onChange` gets
 * a number or null (cleared), never the half-typed text.
 */
export function NumberField(
  p: FieldProps & NumberRule & { value: number | null; onChange: (v: number | null) => void; unit?: string; placeholder?: string },
) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<NumberDraft | null>(null);
  const text = numberFieldText(p.value, draft);
  const reading = readNumber(text, p);
  const own =
    reading.kind !== 'invalid'
      ? null
      : reading.reason === 'belowMin'
        ? t('field.belowMin', { min: String(p.min) })
        : reading.reason === 'aboveMax'
          ? t('field.aboveMax', { max: String(p.max) })
          : t(`field.${reading.reason}`);
  const change = (next: string) => {
    const r = readNumber(next, p);
    const value = r.kind === 'number' ? r.value : r.kind === 'empty' ? null : p.value;
    setDraft({ text: next, value });
    if (value !== p.value) p.onChange(value);
  };
  return (
    <Field {...fieldOf(p)} error={p.error || own} unit={p.unit}>
      {(c) => (
        <input
          {...c}
          className="field-input num"
          type="text"
          inputMode={p.integer ? 'numeric' : 'decimal'}
          value={text}
          placeholder={p.placeholder}
          disabled={p.disabled}
          title={p.title}
          data-testid={p.testId}
          onChange={(e) => change(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A calendar day (YYYY-MM-DD, the browser's date picker); null when cleared. */
export function DateField(p: FieldProps & { value: string | null; onChange: (v: string | null) => void; min?: string; max?: string }) {
  return (
    <Field {...fieldOf(p)}>
      {(c) => (
        <input
          {...c}
          className="field-input"
          type="date"
          value={p.value ?? ''}
          min={p.min}
          max={p.max}
          disabled={p.disabled}
          title={p.title}
          data-testid={p.testId}
          onChange={(e) => p.onChange(dateValueOf(e.target.value))}
        />
      )}
    </Field>
  );
}

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

/** A bare select of typed options, for a control that sits in another's row (its name from `title` or a label). */
export function Select<V extends string>({
  options,
  value,
  onChange,
  disabled,
  testId,
  title,
  className,
  ...control
}: Partial<FieldControlProps> & {
  options: readonly SelectOption<V>[];
  value: V;
  onChange: (v: V) => void;
  disabled?: boolean;
  testId?: string;
  title?: string;
  className?: string;
}) {
  return (
    <select
      {...control}
      className={className ? `field-input ${className}` : 'field-input'}
      value={value}
      disabled={disabled}
      title={title}
      data-testid={testId}
      onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function SelectField<V extends string>(p: FieldProps & { options: readonly SelectOption<V>[]; value: V; onChange: (v: V) => void }) {
  return (
    <Field {...fieldOf(p)}>
      {(c) => <Select {...c} options={p.options} value={p.value} onChange={p.onChange} disabled={p.disabled} testId={p.testId} title={p.title} />}
    </Field>
  );
}

/**
 * A checkbox with its text. `after`: a control in the same row (e.g. a chosen layer's group field); the checkbox is
 * then named by its text only, not by the text of what follows it.
 */
export function CheckboxField({
  label,
  hint,
  error,
  checked,
  onChange,
  after,
  disabled,
  id,
  testId,
  title,
  className,
}: Omit<FieldProps, 'layout' | 'hideLabel' | 'required'> & { checked: boolean; onChange: (on: boolean) => void; after?: ReactNode }) {
  const made = useId();
  const ids = fieldIds(id ?? made);
  return (
    <div className={['field', 'check-field', className].filter(Boolean).join(' ')}>
      <label className={`check${after ? ' has-after' : ''}`} title={title}>
        <input
          id={ids.control}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          data-testid={testId}
          aria-labelledby={after ? ids.label : undefined}
          aria-describedby={describedBy(ids, { hint: !!hint, error: !!error })}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span id={ids.label} className="check-text">
          {label}
        </span>
        {after}
      </label>
      <FieldNotes ids={ids} hint={hint} error={error} />
    </div>
  );
}

export interface RadioOption<V extends string | number> {
  value: V;
  label: string;
  /** Said after the label, quieter (an EPSG code beside a CRS name). */
  detail?: string;
  disabled?: boolean;
}

/** One choice of several, each a card-like row (arrow keys move between them: they share one name). */
export function RadioGroup<V extends string | number>({
  label,
  hint,
  error,
  hideLabel,
  options,
  value,
  onChange,
  disabled,
  id,
  testId,
  className,
}: Omit<FieldProps, 'layout' | 'required' | 'title'> & { options: readonly RadioOption<V>[]; value: V | null; onChange: (v: V) => void }) {
  const made = useId();
  const ids = fieldIds(id ?? made);
  return (
    <div className="field radio-field">
      {!hideLabel && (
        <div id={ids.label} className="field-label">
          {label}
        </div>
      )}
      <div
        className={className ? `radio-group ${className}` : 'radio-group'}
        role="radiogroup"
        aria-labelledby={hideLabel ? undefined : ids.label}
        aria-label={hideLabel ? label : undefined}
        aria-describedby={describedBy(ids, { hint: !!hint, error: !!error })}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      >
        {options.map((o) => (
          <label key={String(o.value)} className={`choice${o.value === value ? ' selected' : ''}`}>
            <input
              type="radio"
              name={ids.control}
              value={String(o.value)}
              checked={o.value === value}
              disabled={disabled || o.disabled}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
            {o.detail && <span className="muted small">{o.detail}</span>}
          </label>
        ))}
      </div>
      <FieldNotes ids={ids} hint={hint} error={error} />
    </div>
  );
}
