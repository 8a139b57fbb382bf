import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { RadioGroup } from '../../../ui/fields';
import { useWorkbench } from '../../../ui/workbench';
import { cancelImport, importState, type ImportStep } from '../survey-session';
import { datumAllowsImport, type SurveyDatum } from '../survey.logic';

type Step = Extract<ImportStep, { kind: 'datum' }>;

/**
 * Which datum are this GPX/KML's points in? (the patrol track import's question, asked the same way): WGS-84 and
 * CGCS2000 agree to the centimetre; a GCJ-02 file (奥维, 高德) is hundreds of metres off and is never shifted, so it
 * is not taken as a boundary. 奥维 files have GCJ-02 preselected, with the warning.
 */
export function DatumDialog({ step }: { step: Step }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const likely = step.file.issues.some((i) => i.code === 'survey.gcj02Likely');
  const [value, setValue] = useState<SurveyDatum>(likely ? 'gcj02' : 'wgs84');
  const ok = () => {
    if (!datumAllowsImport(value)) {
      wb.notices.error(t('survey.datum.refused', { file: step.file.file }));
      cancelImport();
      return;
    }
    importState.set({ kind: 'confirm', target: step.target, file: step.file, datumUnknown: value === 'unknown' });
  };
  return (
    <Dialog
      title={t('survey.datum.title', { file: step.file.file })}
      onClose={cancelImport}
      testId="survey-datum-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={cancelImport}>
            {t('survey.cancel')}
          </button>
          <button type="button" className="btn primary" data-testid="survey-datum-ok" onClick={ok}>
            {t('survey.datum.ok')}
          </button>
        </>
      }
    >
      {likely && (
        <p className="msg warning" role="alert" data-testid="survey-datum-likely">
          {t('survey.datum.likelyGcj02')}
        </p>
      )}
      <p>{t('survey.datum.question')}</p>
      <RadioGroup<SurveyDatum>
        label={t('survey.datum.label')}
        hideLabel
        testId="survey-datum-choice"
        value={value}
        onChange={setValue}
        options={[
          { value: 'wgs84', label: t('survey.datum.wgs84'), detail: t('survey.datum.wgs84Detail') },
          { value: 'gcj02', label: t('survey.datum.gcj02'), detail: t('survey.datum.gcj02Detail') },
          { value: 'unknown', label: t('survey.datum.unknown'), detail: t('survey.datum.unknownDetail') },
        ]}
      />
      {value === 'gcj02' && (
        <p className="msg warning" data-testid="survey-datum-gcj02">
          {t('survey.datum.gcj02Refused')}
        </p>
      )}
      <p className="field-hint">{t('survey.datum.neverShifted')}</p>
    </Dialog>
  );
}
