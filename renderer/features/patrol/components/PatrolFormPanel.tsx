import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { CheckboxField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { historyView } from '../history.logic';
import { draftProblems, isGcj02Route, type DraftProblem } from '../patrol.logic';
import { closeForm, formState, openNewPatrol, saveForm, setDraft } from '../patrol-form-state';
import { gridState } from '../../grid';
import { AttachmentsField } from './AttachmentsField';
import { CoverageTable } from './CoverageTable';
import { FindingActions } from './FindingActions';
import { TextArea, TimesFields } from './FormFields';
import { HistoryList } from './HistoryList';
import { OfficersField } from './OfficersField';
import { RouteSection } from './RouteSection';

const PROBLEM_KEYS: Record<DraftProblem, MessageKey> = {
  noStart: 'patrol.problem.noStart',
  badEnd: 'patrol.problem.badEnd',
  endBeforeStart: 'patrol.problem.endBeforeStart',
  noOfficer: 'patrol.problem.noOfficer',
  officerNoName: 'patrol.problem.officerNoName',
  nothingFoundButMeasures: 'patrol.problem.nothingFoundButMeasures',
};

/** 巡查记录表: the open patrol's form (right dock), beside the map that shows its route and the covered areas. */
export function PatrolFormPanel() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const ctx = { wb, t, lang };
  const form = useStore(formState);
  const { areas } = useStore(gridState);
  const problems = useMemo(() => (form ? draftProblems(form.draft) : []), [form]);
  if (!form) {
    return (
      <section className="panel patrol-form-panel" data-testid="patrol-form-empty">
        <p className="empty-note">{t('patrol.form.none')}</p>
        <div style={{ padding: '0 14px' }}>
          <button type="button" className="btn primary" onClick={() => openNewPatrol(ctx)}>
            {t('patrol.new')}
          </button>
        </div>
      </section>
    );
  }
  const { draft, stored } = form;
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? id;
  const problemFor = (p: DraftProblem) => (problems.includes(p) ? t(PROBLEM_KEYS[p]) : null);
  return (
    <section className="panel patrol-form-panel" data-testid="patrol-form" aria-label={t('patrol.form.title')}>
      <header className="panel-header">
        <h2>{t('patrol.form.title')}</h2>
        <span className="patrol-number" data-testid="patrol-form-number">
          {stored ? stored.number : t('patrol.form.numberOnSave')}
        </span>
      </header>
      <div className="patrol-form-body">
        {isGcj02Route(draft.routeSource) && (
          <p className="msg warning" role="alert" data-testid="patrol-gcj02-warning">
            {t('patrol.gcj02.warning')}
          </p>
        )}
        {stored?.deletedAt != null && <p className="msg warning">{t('patrol.form.deleted')}</p>}
        <TimesFields draft={draft} startError={problemFor('noStart')} endError={problemFor('badEnd') ?? problemFor('endBeforeStart')} />
        <OfficersField error={problemFor('noOfficer') ?? problemFor('officerNoName')} />
        <RouteSection />
        <CoverageTable />
        <TextArea label={t('patrol.field.findings')} value={draft.findings} onChange={(v) => setDraft({ findings: v })} testId="patrol-findings" />
        <TextArea
          label={t('patrol.field.measures')}
          value={draft.measures}
          onChange={(v) => setDraft({ measures: v })}
          testId="patrol-measures"
          rows={2}
        />
        <fieldset className="patrol-suspect" data-testid="patrol-suspect">
          <legend>{t('patrol.field.suspect')}</legend>
          <TextArea
            label={t('patrol.field.suspectCheck')}
            value={draft.suspect.check}
            onChange={(v) => setDraft({ suspect: { ...draft.suspect, check: v } })}
            testId="patrol-suspect-check"
            rows={2}
          />
          <TextField
            label={t('patrol.field.suspectParty')}
            value={draft.suspect.party}
            onChange={(v) => setDraft({ suspect: { ...draft.suspect, party: v } })}
            testId="patrol-suspect-party"
          />
          <TextField
            label={t('patrol.field.suspectContact')}
            value={draft.suspect.contact}
            onChange={(v) => setDraft({ suspect: { ...draft.suspect, contact: v } })}
            testId="patrol-suspect-contact"
          />
        </fieldset>
        <TextArea
          label={t('patrol.field.opinion')}
          value={draft.opinion}
          onChange={(v) => setDraft({ opinion: v })}
          testId="patrol-opinion"
          rows={2}
        />
        <TextArea label={t('patrol.field.review')} value={draft.review} onChange={(v) => setDraft({ review: v })} testId="patrol-review" rows={2} />
        <TextArea
          label={t('patrol.field.followUp')}
          value={draft.followUp}
          onChange={(v) => setDraft({ followUp: v })}
          testId="patrol-follow-up"
          rows={2}
        />
        <TextArea label={t('patrol.field.notes')} value={draft.notes} onChange={(v) => setDraft({ notes: v })} testId="patrol-notes" rows={2} />
        <CheckboxField
          label={t('patrol.field.nothingFoundLong')}
          hint={t('patrol.zeroReport.hint')}
          error={problemFor('nothingFoundButMeasures')}
          checked={draft.nothingFound}
          onChange={(on) => setDraft({ nothingFound: on })}
          testId="patrol-nothing-found"
        />
        <AttachmentsField />
        <FindingActions />
        {form.error && (
          <p className="msg error" role="alert" data-testid="patrol-form-error">
            {form.error}
          </p>
        )}
        <div className="patrol-form-buttons">
          <button
            type="button"
            className="btn primary"
            data-testid="patrol-save"
            disabled={problems.length > 0 || form.busy !== null || form.pendingTrack !== null || form.drawing}
            onClick={() => void saveForm(ctx)}
          >
            {stored ? t('patrol.save.amend') : t('patrol.save')}
          </button>
          <button type="button" className="btn" data-testid="patrol-close" onClick={() => closeForm(ctx)}>
            {t('patrol.close')}
          </button>
        </div>
        {stored && (
          <section className="patrol-section">
            <h3>{t('patrol.history')}</h3>
            <HistoryList entries={historyView(stored.history, t, areaName)} />
          </section>
        )}
      </div>
    </section>
  );
}
