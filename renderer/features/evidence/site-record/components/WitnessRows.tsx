import type { Witness } from '../../../../../shared/domain/inspection/inspection-record';
import { useI18n } from '../../../../i18n';

/** 见证人: one row each (name, ID, phone), added and removed; errors said under their row. */
export function WitnessRows({
  witnesses,
  errorOf,
  onChange,
}: {
  witnesses: readonly Witness[];
  errorOf: (field: string) => string | null;
  onChange: (w: Witness[]) => void;
}) {
  const { t } = useI18n();
  const setOne = (i: number, patch: Partial<Witness>) => onChange(witnesses.map((w, k) => (k === i ? { ...w, ...patch } : w)));
  return (
    <fieldset className="site-record-group" data-testid="site-record-witnesses">
      <legend>{t('evidencePapers.site.witnesses')}</legend>
      {witnesses.length === 0 && <p className="muted site-record-note">{t('evidencePapers.site.noWitness')}</p>}
      {witnesses.map((w, i) => {
        const err = errorOf(`witnesses.${i}.name`) ?? errorOf(`witnesses.${i}.idNo`);
        return (
          <div key={i}>
            <div className="site-record-witness" data-testid="site-record-witness">
              <input
                className="field-input w-name"
                aria-label={t('evidencePapers.site.witnessName', { n: i + 1 })}
                placeholder={t('evidencePapers.site.witnessNamePlaceholder')}
                value={w.name}
                aria-invalid={errorOf(`witnesses.${i}.name`) ? true : undefined}
                data-testid="site-record-witness-name"
                onChange={(ev) => setOne(i, { name: ev.target.value })}
              />
              <input
                className="field-input w-id"
                aria-label={t('evidencePapers.site.witnessIdNo', { n: i + 1 })}
                placeholder={t('evidencePapers.site.witnessIdNoPlaceholder')}
                value={w.idNo}
                aria-invalid={errorOf(`witnesses.${i}.idNo`) ? true : undefined}
                data-testid="site-record-witness-id"
                onChange={(ev) => setOne(i, { idNo: ev.target.value })}
              />
              <input
                className="field-input w-contact"
                aria-label={t('evidencePapers.site.witnessContact', { n: i + 1 })}
                placeholder={t('evidencePapers.site.witnessContactPlaceholder')}
                value={w.contact}
                data-testid="site-record-witness-contact"
                onChange={(ev) => setOne(i, { contact: ev.target.value })}
              />
              <button
                type="button"
                className="btn small w-remove"
                aria-label={t('evidencePapers.site.witnessRemove', { n: i + 1 })}
                onClick={() => onChange(witnesses.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </div>
            {err && <p className="field-error">{err}</p>}
          </div>
        );
      })}
      <button
        type="button"
        className="btn small"
        data-testid="site-record-witness-add"
        onClick={() => onChange([...witnesses, { name: '', idNo: '', contact: '' }])}
      >
        {t('evidencePapers.site.witnessAdd')}
      </button>
    </fieldset>
  );
}
