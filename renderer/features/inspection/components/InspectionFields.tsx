import { useMemo } from 'react';
import type { FormIssue } from '../../../../shared/domain/inspection/form';
import {
  CONCLUSIONS,
  CONSTRUCTION_STATES,
  VIOLATION_TYPES,
  type Inspection,
  type PartyKind,
} from '../../../../shared/domain/inspection/inspection-record';
import { localDateOf } from '../../../../shared/domain/patrol/calendar';
import { useI18n, type MessageKey } from '../../../i18n';
import { CheckboxField, DateField, Field, RadioGroup, Select, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { gridState } from '../../grid';
import { officerChoices } from '../../patrol';
import { beijingInputText, issueMessages, type InspectionDraft } from '../inspection-form.logic';
import { setDraft } from '../inspection-form-state';

function TextArea({
  label,
  value,
  onChange,
  testId,
  error,
  required,
  rows = 3,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  error?: string | null;
  required?: boolean;
  rows?: number;
}) {
  return (
    <Field label={label} error={error} required={required}>
      {(c) => (
        <textarea
          {...c}
          className="field-input inspection-textarea"
          rows={rows}
          value={value}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** The form's fields: every field of the record that is the form's own (the sections have the plot, photos …). */
export function InspectionFields({
  record,
  draft,
  issues,
  readOnly,
}: {
  record: Inspection;
  draft: InspectionDraft;
  issues: readonly FormIssue[];
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const { areas } = useStore(gridState);
  const msg = useMemo(() => issueMessages(issues, t), [issues, t]);
  const e = (slot: string) => msg.get(slot) ?? null;
  const set = (patch: Partial<InspectionDraft>) => setDraft(record, patch);
  const loc = draft.location;
  const party = draft.party;
  const choices = useMemo(
    () =>
      officerChoices(
        areas,
        draft.inspectors.filter((i) => i.name.trim() !== ''),
      ),
    [areas, draft.inspectors],
  );
  const today = localDateOf(Date.now());
  const setInspector = (i: number, patch: Partial<{ name: string; certNo: string }>) =>
    set({ inspectors: draft.inspectors.map((o, k) => (k === i ? { ...o, ...patch } : o)) });
  const pick = (key: string) => {
    const c = choices.find((x) => x.key === key);
    if (!c) return;
    const empty = draft.inspectors.findIndex((o) => o.name.trim() === '' && o.certNo.trim() === '');
    set({ inspectors: empty >= 0 ? draft.inspectors.map((o, k) => (k === empty ? c.officer : o)) : [...draft.inspectors, c.officer] });
  };
  return (
    <fieldset className="inspection-fields" disabled={readOnly} data-testid="inspection-fields">
      <div data-field="taskNo">
        <TextField label={t('inspection.field.taskNo')} value={draft.taskNo} onChange={(v) => set({ taskNo: v })} testId="inspection-task-no" />
      </div>
      <fieldset className="inspection-group">
        <legend>{t('inspection.field.location')}</legend>
        <div className="inspection-row">
          <div data-field="location.township">
            <TextField
              label={t('inspection.field.township')}
              required
              value={loc.township}
              error={e('location.township')}
              onChange={(v) => set({ location: { ...loc, township: v } })}
              testId="inspection-township"
            />
          </div>
          <div data-field="location.village">
            <TextField
              label={t('inspection.field.village')}
              value={loc.village}
              onChange={(v) => set({ location: { ...loc, village: v } })}
              testId="inspection-village"
            />
          </div>
        </div>
        <div data-field="location.place">
          <TextField
            label={t('inspection.field.place')}
            hint={t('inspection.field.placeHint')}
            value={loc.place}
            error={e('location.place')}
            onChange={(v) => set({ location: { ...loc, place: v } })}
            testId="inspection-place"
          />
        </div>
      </fieldset>
      <div data-field="inspectedAt" className="inspection-row with-button">
        <Field label={t('inspection.field.inspectedAt')} required error={e('inspectedAt')} hint={t('inspection.field.beijing')}>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              className="field-input"
              value={draft.inspectedAtText}
              data-testid="inspection-inspected-at"
              onChange={(ev) => set({ inspectedAtText: ev.target.value })}
            />
          )}
        </Field>
        <button
          type="button"
          className="btn small"
          data-testid="inspection-now"
          onClick={() => set({ inspectedAtText: beijingInputText(Date.now()) })}
        >
          {t('inspection.field.now')}
        </button>
      </div>
      <fieldset className="inspection-group" data-field="inspectors" data-testid="inspection-inspectors">
        <legend>
          {t('inspection.field.inspectors')}
          <span className="field-required" aria-hidden="true">
            *
          </span>
        </legend>
        {draft.inspectors.map((o, i) => (
          <div key={i} data-field={`inspectors.${i}`}>
            <div className="inspection-inspector" data-testid="inspection-inspector">
              <input
                className="field-input"
                aria-label={t('inspection.inspector.name', { n: i + 1 })}
                placeholder={t('inspection.inspector.namePlaceholder')}
                value={o.name}
                data-testid="inspection-inspector-name"
                onChange={(ev) => setInspector(i, { name: ev.target.value })}
              />
              <input
                className="field-input"
                aria-label={t('inspection.inspector.certNo', { n: i + 1 })}
                placeholder={t('inspection.inspector.certPlaceholder')}
                value={o.certNo}
                aria-invalid={e(`inspectors.${i}`) ? true : undefined}
                data-testid="inspection-inspector-cert"
                onChange={(ev) => setInspector(i, { certNo: ev.target.value })}
              />
              <button
                type="button"
                className="btn small"
                aria-label={t('inspection.inspector.remove')}
                onClick={() => set({ inspectors: draft.inspectors.filter((_, k) => k !== i) })}
              >
                ×
              </button>
            </div>
            {e(`inspectors.${i}`) && <p className="field-error">{e(`inspectors.${i}`)}</p>}
          </div>
        ))}
        <div className="inspection-buttons">
          {choices.length > 0 && (
            <Select
              title={t('inspection.inspector.pick')}
              testId="inspection-inspector-pick"
              value=""
              options={[{ value: '', label: t('inspection.inspector.pick') }, ...choices.map((c) => ({ value: c.key, label: c.label }))]}
              onChange={pick}
            />
          )}
          <button
            type="button"
            className="btn small"
            data-testid="inspection-inspector-add"
            onClick={() => set({ inspectors: [...draft.inspectors, { name: '', certNo: '' }] })}
          >
            {t('inspection.inspector.add')}
          </button>
        </div>
        {e('inspectors') && <p className="field-error">{e('inspectors')}</p>}
      </fieldset>
      <fieldset className="inspection-group" data-testid="inspection-party">
        <legend>{t('inspection.field.party')}</legend>
        <RadioGroup<PartyKind>
          label={t('inspection.party.kind')}
          hideLabel
          className="inline"
          value={party.kind}
          options={[
            { value: 'person', label: t('inspection.party.person') },
            { value: 'unit', label: t('inspection.party.unit') },
          ]}
          onChange={(kind) => set({ party: { ...party, kind } })}
          testId="inspection-party-kind"
        />
        <div data-field="party.name">
          <TextField
            label={t(party.kind === 'unit' ? 'inspection.party.unitName' : 'inspection.party.personName')}
            value={party.name}
            error={e('party.name')}
            onChange={(v) => set({ party: { ...party, name: v } })}
            testId="inspection-party-name"
          />
        </div>
        <div data-field="party.idNo">
          <TextField
            label={t(party.kind === 'unit' ? 'inspection.party.creditCode' : 'inspection.party.idCard')}
            value={party.idNo}
            error={e('party.idNo')}
            maxLength={18}
            onChange={(v) => set({ party: { ...party, idNo: v } })}
            testId="inspection-party-id"
          />
        </div>
        <div className="inspection-row">
          <TextField
            label={t('inspection.party.contact')}
            value={party.contact}
            onChange={(v) => set({ party: { ...party, contact: v } })}
            testId="inspection-party-contact"
          />
          <TextField
            label={t('inspection.party.address')}
            value={party.address}
            onChange={(v) => set({ party: { ...party, address: v } })}
            testId="inspection-party-address"
          />
        </div>
      </fieldset>
      <div className="inspection-row">
        <div data-field="landUse">
          <TextField label={t('inspection.field.landUse')} value={draft.landUse} onChange={(v) => set({ landUse: v })} testId="inspection-land-use" />
        </div>
        <div data-field="useSince">
          <DateField
            label={t('inspection.field.useSince')}
            value={draft.useSince}
            max={today}
            error={e('useSince')}
            onChange={(v) => set({ useSince: v as InspectionDraft['useSince'] })}
            testId="inspection-use-since"
          />
        </div>
      </div>
      <div data-field="construction">
        <RadioGroup
          label={t('inspection.field.construction')}
          className="inline"
          value={draft.construction}
          error={e('construction')}
          options={CONSTRUCTION_STATES.map((c) => ({ value: c, label: t(`inspection.construction.${c}` as MessageKey) }))}
          onChange={(construction) => set({ construction })}
          testId="inspection-construction"
        />
      </div>
      <div data-field="conclusion">
        <RadioGroup
          label={t('inspection.field.conclusion')}
          className="inline"
          value={draft.conclusion}
          error={e('conclusion')}
          options={CONCLUSIONS.map((c) => ({ value: c, label: t(`inspection.conclusion.${c}` as MessageKey) }))}
          onChange={(conclusion) => set({ conclusion })}
          testId="inspection-conclusion"
        />
      </div>
      {draft.conclusion === 'illegal' && (
        <fieldset className="inspection-group" data-field="violationTypes" data-testid="inspection-violation-types">
          <legend>
            {t('inspection.field.violationTypes')}
            <span className="field-required" aria-hidden="true">
              *
            </span>
          </legend>
          <div className="inspection-checks">
            {VIOLATION_TYPES.map((v) => (
              <CheckboxField
                key={v}
                label={v}
                checked={draft.violationTypes.includes(v)}
                onChange={(on) =>
                  set({
                    violationTypes: on
                      ? VIOLATION_TYPES.filter((x) => x === v || draft.violationTypes.includes(x))
                      : draft.violationTypes.filter((x) => x !== v),
                  })
                }
                testId={`inspection-violation-${v}`}
              />
            ))}
          </div>
          {e('violationTypes') && <p className="field-error">{e('violationTypes')}</p>}
        </fieldset>
      )}
      <div className="inspection-row">
        <TextField
          label={t('inspection.field.approvalNo')}
          value={draft.approvalNo}
          onChange={(v) => set({ approvalNo: v })}
          testId="inspection-approval-no"
        />
        <TextField
          label={t('inspection.field.supplyNo')}
          value={draft.supplyNo}
          onChange={(v) => set({ supplyNo: v })}
          testId="inspection-supply-no"
        />
      </div>
      <fieldset className="inspection-group" data-testid="inspection-stop-notice">
        <legend>{t('inspection.field.measuresGroup')}</legend>
        <CheckboxField
          label={t('inspection.stopNotice.issued')}
          checked={draft.stopIssued}
          onChange={(on) => set({ stopIssued: on, stopDate: on && draft.stopDate === null ? today : draft.stopDate })}
          testId="inspection-stop-issued"
        />
        {draft.stopIssued && (
          <div className="inspection-row">
            <div data-field="stopNotice.number">
              <TextField
                label={t('inspection.stopNotice.number')}
                required
                value={draft.stopNumber}
                error={e('stopNotice.number')}
                onChange={(v) => set({ stopNumber: v })}
                testId="inspection-stop-number"
              />
            </div>
            <div data-field="stopNotice.date">
              <DateField
                label={t('inspection.stopNotice.date')}
                required
                value={draft.stopDate}
                max={today}
                error={e('stopNotice.date')}
                onChange={(v) => set({ stopDate: v as InspectionDraft['stopDate'] })}
                testId="inspection-stop-date"
              />
            </div>
          </div>
        )}
        <TextArea
          label={t('inspection.field.measures')}
          value={draft.measures}
          rows={2}
          onChange={(v) => set({ measures: v })}
          testId="inspection-measures"
        />
      </fieldset>
      <div data-field="description">
        <TextArea
          label={t('inspection.field.description')}
          required
          value={draft.description}
          error={e('description')}
          onChange={(v) => set({ description: v })}
          testId="inspection-description"
          rows={4}
        />
      </div>
    </fieldset>
  );
}
