import { useState } from 'react';
import type { PendingBundle } from '../../../../shared/formats/types';
import { Dialog } from '../../../ui/Dialog';
import { RadioGroup } from '../../../ui/fields';
import { useI18n } from '../../../i18n';
import { crsFromEpsg } from '../../../../shared/domain/crs/zones';
import { crsChoices } from '../import.logic';

const labelOf = (epsg: number) => {
  try {
    return crsFromEpsg(epsg)?.label ?? null;
  } catch {
    return null;
  }
};

/** A bundle whose CRS cannot be known (6-digit eastings, no .prj): the user picks the zone, we never guess silently. */
export function CrsDialog({ bundle, onChoose }: { bundle: PendingBundle; onChoose: (epsg: number | null) => void }) {
  const { t } = useI18n();
  const choices = crsChoices(bundle, labelOf);
  const [epsg, setEpsg] = useState<number | null>(choices[0]?.epsg ?? null);
  const reason = bundle.crsGuess?.reason;
  return (
    <Dialog
      title={t('crs.title', { name: bundle.name })}
      onClose={() => onChoose(null)}
      testId="crs-dialog"
      footer={
        <>
          <button className="btn" onClick={() => onChoose(null)}>
            {t('crs.skip')}
          </button>
          <button className="btn primary" disabled={epsg === null} data-testid="crs-apply" onClick={() => onChoose(epsg)}>
            {t('crs.importWith')}
          </button>
        </>
      }
    >
      <p>{reason ? t(`crs.reason.${reason}`) : ''}</p>
      <p>{reason === 'no-prj-6-digit-easting' ? t('crs.explain', { name: bundle.source }) : t('crs.explainGeneric', { name: bundle.source })}</p>
      <RadioGroup
        label={t('crs.choose')}
        hideLabel
        className="crs-choices"
        options={choices.map((c) => ({ value: c.epsg, label: c.label, detail: `EPSG:${c.epsg}` }))}
        value={epsg}
        onChange={setEpsg}
      />
    </Dialog>
  );
}
