import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n';
import { saveBytes } from '../../../platform/platform';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import { areasOfScope, gridBaseName, scopeChoices, zoneOfScope } from '../exchange.logic';
import type { GridFormat } from '../exchange.protocol';
import { exchangeWorker } from '../exchange-state';
import { ExportFrame } from './ExportFrame';

/** 导出网格: a township (or everything), a format, lon/lat or the township's GK zone; written in the worker, then saved. */
export function ExportGridDialog() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { areas } = useStore(gridState);
  const choices = useMemo(() => scopeChoices(areas), [areas]);
  const [scopeId, setScopeId] = useState<string>(choices.find((c) => c.id !== null)?.id ?? '');
  const [format, setFormat] = useState<GridFormat>('geojson');
  const [planar, setPlanar] = useState(false);
  const scope = useMemo(() => areasOfScope(areas, scopeId === '' ? null : scopeId), [areas, scopeId]);
  const root = scopeId === '' ? null : areas.find((a) => a.id === scopeId);
  const [office, setOffice] = useState(root ? `${root.name}国土所` : '');
  const zone = zoneOfScope(scope);

  const run = async (): Promise<boolean> => {
    const at = Date.now();
    const file = await exchangeWorker.request('exportGrid', {
      areas: scope,
      all: [...areas],
      format,
      planarZone: format !== 'geojson' && planar ? zone : null,
      baseName: gridBaseName(root?.name ?? office, at),
      office: office.trim(),
      at,
    });
    const saved = await saveBytes(file.fileName, file.bytes, file.mime, file.ext.toUpperCase(), file.ext);
    if (saved) {
      let text = t('exchange.exportGrid.done', { count: scope.length, file: file.fileName });
      if (file.cut > 0) text += t('exchange.exportGrid.cut', { count: file.cut });
      if (file.unmappable > 0) text += t('exchange.exportGrid.unmappable', { count: file.unmappable });
      wb.notices.push(file.cut > 0 || file.unmappable > 0 ? 'warning' : 'info', text);
    }
    return saved;
  };

  return (
    <ExportFrame title={t('exchange.exportGrid.title')} testId="exchange-export-grid" canRun={scope.length > 0 && office.trim() !== ''} run={run}>
      {areas.length === 0 ? (
        <p className="muted">{t('exchange.exportGrid.empty')}</p>
      ) : (
        <div className="fields">
          <SelectField
            label={t('exchange.scope')}
            testId="exchange-scope"
            value={scopeId}
            onChange={setScopeId}
            options={choices.map((c) => ({
              value: c.id ?? '',
              label: c.id === null ? t('exchange.scope.all', { count: c.count }) : t('exchange.scope.area', { path: c.label, count: c.count }),
            }))}
          />
          <TextField label={t('exchange.office')} testId="exchange-office" value={office} onChange={setOffice} required />
          <RadioGroup
            label={t('exchange.format')}
            testId="exchange-format"
            value={format}
            onChange={setFormat}
            options={[
              { value: 'geojson', label: t('exchange.format.geojson') },
              { value: 'shp-gbk', label: t('exchange.format.shpGbk') },
              { value: 'shp-utf8', label: t('exchange.format.shpUtf8') },
            ]}
          />
          {zone && (
            <CheckboxField
              testId="exchange-planar"
              label={t('exchange.planar', { width: zone.width, zone: zone.zone, cm: zone.centralMeridian })}
              hint={t('exchange.planar.hint')}
              checked={planar && format !== 'geojson'}
              disabled={format === 'geojson'}
              onChange={setPlanar}
            />
          )}
        </div>
      )}
    </ExportFrame>
  );
}
