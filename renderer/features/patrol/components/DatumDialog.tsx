import { useState } from 'react';
import { useI18n } from '../../../i18n';
import type { RouteDatum } from '../../../../shared/domain/patrol/patrol-record';
import { Dialog } from '../../../ui/Dialog';
import { RadioGroup } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { dismissPendingTrack, formState, takeTrack } from '../patrol-form-state';

/** Which datum is this KML in? Asked for every KML/KMZ; 奥维 files have GCJ-02 preselected and a warning. Nothing is shifted. */
export function DatumDialog() {
  const { t } = useI18n();
  const pending = useStore(formState)?.pendingTrack ?? null;
  const [choice, setChoice] = useState<RouteDatum | null>(null);
  if (!pending) return null;
  const value = choice ?? pending.datum;
  const close = () => {
    setChoice(null);
    dismissPendingTrack();
  };
  return (
    <Dialog
      title={t('patrol.datum.title', { file: pending.file })}
      onClose={close}
      testId="patrol-datum-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            {t('patrol.cancel')}
          </button>
          <button
            type="button"
            className="btn primary"
            data-testid="patrol-datum-ok"
            disabled={value === null}
            onClick={() => {
              if (value === null) return;
              setChoice(null);
              takeTrack(pending, value);
            }}
          >
            {t('patrol.datum.ok')}
          </button>
        </>
      }
    >
      {pending.likelyGcj02 && (
        <p className="msg warning" role="alert" data-testid="patrol-datum-likely">
          {t('patrol.datum.likelyGcj02')}
        </p>
      )}
      <p>{t('patrol.datum.question')}</p>
      <RadioGroup<RouteDatum>
        label={t('patrol.datum.label')}
        hideLabel
        testId="patrol-datum-choice"
        value={value}
        onChange={setChoice}
        options={[
          { value: 'wgs84', label: t('patrol.datum.wgs84'), detail: t('patrol.datum.wgs84Detail') },
          { value: 'gcj02', label: t('patrol.datum.gcj02'), detail: t('patrol.datum.gcj02Detail') },
          { value: 'unknown', label: t('patrol.datum.unknown'), detail: t('patrol.datum.unknownDetail') },
        ]}
      />
      <p className="field-hint">{t('patrol.datum.neverShifted')}</p>
    </Dialog>
  );
}
