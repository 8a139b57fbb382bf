import { useMemo, useState } from 'react';
import type { InspectionSectionProps } from '../../../inspection';
import type { Witness } from '../../../../../shared/domain/inspection/inspection-record';
import { useI18n } from '../../../../i18n';
import { CheckboxField, Field, TextField } from '../../../../ui/fields';
import { useWorkbench } from '../../../../ui/workbench';
import {
  beijingInputText,
  canSaveSiteRecord,
  draftOfSiteRecord,
  siteIssueMessages,
  siteRecordChanged,
  siteRecordIssues,
  siteRecordOfDraft,
  type SiteRecordDraft,
} from '../site-record.logic';
import { WitnessRows } from './WitnessRows';
import '../site-record.css';

/** 现场勘测笔录: the facts the 笔录 states beyond the form (times, witnesses, instrument and method, 四至, the party). */
export function SiteRecordSection(props: InspectionSectionProps) {
  // A stored change (this section's save, another section's, an amendment) starts the draft again from the record.
  return <SiteRecordForm key={`${props.record.id}:${props.record.history.length}`} {...props} />;
}

function SiteRecordForm({ record, readOnly, save }: InspectionSectionProps) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const [draft, setDraft] = useState<SiteRecordDraft>(() => draftOfSiteRecord(record.siteRecord, record.inspectedAt));
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<SiteRecordDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const issues = useMemo(() => siteRecordIssues(draft, Date.now()), [draft]);
  const msg = useMemo(() => siteIssueMessages(issues, t), [issues, t]);
  const e = (field: string) => msg.get(field) ?? null;
  const changed = siteRecordChanged(record.siteRecord, record.inspectedAt, draft);

  const onSave = () =>
    wb.attempt('evidencePapers.site.save', async () => {
      setSaving(true);
      try {
        const stored = await save({ siteRecord: siteRecordOfDraft(draft) }, t('evidencePapers.site.saveWhat'));
        if (stored) wb.notices.push('info', t('evidencePapers.site.saved'));
      } finally {
        setSaving(false);
      }
    });

  const timeField = (field: 'startedAt' | 'endedAt', key: 'startedText' | 'endedText') => (
    <div className="site-record-time">
      <Field label={t(`evidencePapers.site.${field}`)} error={e(field)}>
        {(c) => (
          <input
            {...c}
            type="datetime-local"
            className="field-input"
            value={draft[key]}
            data-testid={`site-record-${field}`}
            onChange={(ev) => set({ [key]: ev.target.value })}
          />
        )}
      </Field>
      <button
        type="button"
        className="btn small"
        data-testid={`site-record-${field}-now`}
        onClick={() => set({ [key]: beijingInputText(Date.now()) })}
      >
        {t('evidencePapers.site.now')}
      </button>
    </div>
  );

  return (
    <div className="site-record" data-testid="site-record">
      {readOnly && <p className="muted site-record-note">{t('evidencePapers.site.amendNote')}</p>}
      <div className="site-record-stack">
        {timeField('startedAt', 'startedText')}
        {timeField('endedAt', 'endedText')}
      </div>
      <WitnessRows witnesses={draft.witnesses} errorOf={e} onChange={(witnesses: Witness[]) => set({ witnesses })} />
      <div className="site-record-stack">
        <TextField
          label={t('evidencePapers.site.instrument')}
          placeholder={t('evidencePapers.site.instrumentHint')}
          value={draft.instrument}
          testId="site-record-instrument"
          onChange={(instrument) => set({ instrument })}
        />
        <TextField
          label={t('evidencePapers.site.method')}
          placeholder={t('evidencePapers.site.methodHint')}
          value={draft.method}
          testId="site-record-method"
          onChange={(method) => set({ method })}
        />
      </div>
      <fieldset className="site-record-group" data-testid="site-record-boundaries">
        <legend>{t('evidencePapers.site.boundaries')}</legend>
        <div className="site-record-row">
          {(['east', 'south', 'west', 'north'] as const).map((side) => (
            <TextField
              key={side}
              label={t(`evidencePapers.site.${side}`)}
              layout="inline"
              value={draft[side]}
              testId={`site-record-${side}`}
              onChange={(v) => set({ [side]: v })}
            />
          ))}
        </div>
      </fieldset>
      <CheckboxField
        label={t('evidencePapers.site.partyPresent')}
        checked={draft.partyPresent}
        testId="site-record-party-present"
        onChange={(partyPresent) => set({ partyPresent })}
      />
      <TextField
        className="site-record-wide"
        label={t('evidencePapers.site.refusal')}
        hint={t('evidencePapers.site.refusalHint')}
        error={e('refusal')}
        value={draft.refusal}
        testId="site-record-refusal"
        onChange={(refusal) => set({ refusal })}
      />
      <div className="site-record-buttons">
        <button
          type="button"
          className="btn small primary"
          data-testid="site-record-save"
          disabled={!changed || !canSaveSiteRecord(issues) || saving}
          onClick={onSave}
        >
          {t('evidencePapers.site.save')}
        </button>
        {changed && (
          <button
            type="button"
            className="btn small"
            data-testid="site-record-revert"
            onClick={() => setDraft(draftOfSiteRecord(record.siteRecord, record.inspectedAt))}
          >
            {t('evidencePapers.site.revert')}
          </button>
        )}
        {record.siteRecord === null && !changed && <span className="muted">{t('evidencePapers.site.empty')}</span>}
      </div>
    </div>
  );
}
