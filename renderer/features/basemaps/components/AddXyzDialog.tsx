/** 添加 XYZ 底图: the URL template, its subdomains and the datum the user declares (a known provider's wins). */
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { NumberField, SelectField, TextField } from '../../../ui/fields';
import { useWorkbench } from '../../../ui/workbench';
import { knownProviderOf, parseSubdomains, validateXyzTemplate, type BasemapDatum } from '../basemaps.logic';
import { basemapSettings, saveBasemapSettings } from '../basemaps-state';

export function AddXyzDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const [subs, setSubs] = useState('');
  const [datum, setDatum] = useState<BasemapDatum>('cgcs2000');
  const [maxzoom, setMaxzoom] = useState<number | null>(18);
  const [tried, setTried] = useState(false);
  const subdomains = parseSubdomains(subs);
  const reason = validateXyzTemplate(template, subdomains);
  const known = reason === null ? knownProviderOf(template.trim()) : null;
  const add = () => {
    setTried(true);
    if (reason !== null) return;
    const s = basemapSettings.get();
    const id = `xyz-${Date.now().toString(36)}`;
    wb.attempt('basemaps.add.ok', async () => {
      await saveBasemapSettings({
        ...s,
        sources: [
          ...s.sources,
          {
            kind: 'xyz',
            id,
            name: name.trim() || (known ? t(`basemaps.provider.${known.name}`) : template.trim()),
            template: template.trim(),
            subdomains,
            datum: known?.datum ?? datum,
            maxzoom: maxzoom ?? 18,
            enabled: false,
            opacity: 1,
          },
        ],
      });
      onClose();
    });
  };
  return (
    <Dialog
      title={t('basemaps.add.title')}
      onClose={onClose}
      testId="basemap-add-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('basemaps.add.cancel')}
          </button>
          <button type="button" className="btn primary" data-testid="basemap-add-ok" onClick={add}>
            {t('basemaps.add.ok')}
          </button>
        </>
      }
    >
      <TextField label={t('basemaps.add.name')} value={name} onChange={setName} testId="basemap-add-name" />
      <TextField
        label={t('basemaps.add.template')}
        hint={t('basemaps.add.templateHint')}
        value={template}
        onChange={setTemplate}
        testId="basemap-add-template"
        error={tried && reason ? t(`basemaps.add.reason.${reason}`) : null}
      />
      <TextField label={t('basemaps.add.subdomains')} value={subs} onChange={setSubs} testId="basemap-add-subdomains" />
      <SelectField<BasemapDatum>
        label={t('basemaps.add.datum')}
        value={known?.datum ?? datum}
        disabled={known !== null}
        onChange={setDatum}
        testId="basemap-add-datum"
        hint={
          known ? t('basemaps.recognised', { provider: t(`basemaps.provider.${known.name}`), datum: t(`basemaps.datum.${known.datum}`) }) : undefined
        }
        options={[
          { value: 'cgcs2000', label: t('basemaps.datum.cgcs2000') },
          { value: 'gcj02', label: t('basemaps.datum.gcj02') },
          { value: 'bd09', label: t('basemaps.datum.bd09') },
        ]}
      />
      <NumberField label={t('basemaps.add.maxzoom')} integer min={1} max={22} value={maxzoom} onChange={setMaxzoom} />
    </Dialog>
  );
}
