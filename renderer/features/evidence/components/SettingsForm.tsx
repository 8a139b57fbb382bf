/** The export dialog's (and 打印地图's) settings: paper, orientation, scale, title, the layers on the sheet, legend, imagery, grid. */
import type { SheetSettings } from '../../../../shared/domain/evidence/inputs';
import { useI18n } from '../../../i18n';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../../ui/fields';
import type { LayerRecord } from '../../../db';
import { GRID_SPACINGS_MM, SCALE_CHOICES } from '../evidence.logic';
import type { ImageryChoice } from '../export-pipeline';

export function SettingsForm({
  settings,
  onChange,
  layers,
  imagery,
  imageryId,
  onImagery,
  disabled,
  scaleChoices = SCALE_CHOICES,
}: {
  settings: SheetSettings;
  onChange: (patch: Partial<SheetSettings>) => void;
  layers: readonly LayerRecord[];
  imagery: readonly ImageryChoice[];
  imageryId: string | null;
  onImagery: (id: string) => void;
  disabled: boolean;
  /** The scales offered (打印地图 offers the standard ones: a view has no plot to fit). */
  scaleChoices?: readonly SheetSettings['scale'][];
}) {
  const { t } = useI18n();
  const hidden = new Set(settings.hiddenLayerIds);
  return (
    <div className="evidence-settings" data-testid="evidence-settings">
      <RadioGroup
        label={t('evidence.field.paper')}
        testId="evidence-paper"
        className="row-choices"
        options={[
          { value: 'A4', label: 'A4' },
          { value: 'A3', label: 'A3' },
        ]}
        value={settings.paper}
        onChange={(paper) => onChange({ paper })}
        disabled={disabled}
      />
      <RadioGroup
        label={t('evidence.field.orientation')}
        testId="evidence-orientation"
        className="row-choices"
        options={[
          { value: 'portrait', label: t('evidence.orientation.portrait') },
          { value: 'landscape', label: t('evidence.orientation.landscape') },
        ]}
        value={settings.orientation}
        onChange={(orientation) => onChange({ orientation })}
        disabled={disabled}
      />
      <SelectField
        label={t('evidence.field.scale')}
        testId="evidence-scale"
        options={scaleChoices.map((s) => ({ value: String(s), label: s === 'fit' ? t('evidence.scale.fit') : t('evidence.scale.n', { n: s }) }))}
        value={String(settings.scale)}
        onChange={(v) => onChange({ scale: v === 'fit' ? 'fit' : (Number(v) as SheetSettings['scale']) })}
        disabled={disabled}
      />
      <TextField
        label={t('evidence.field.title')}
        testId="evidence-title"
        value={settings.title}
        maxLength={60}
        onChange={(title) => onChange({ title })}
        disabled={disabled}
      />
      <div className="field">
        <div className="field-label">{t('evidence.field.layers')}</div>
        {layers.length === 0 && <p className="muted small">{t('evidence.layers.none')}</p>}
        {layers.map((l) => (
          <CheckboxField
            key={l.id}
            label={l.name}
            testId={`evidence-layer-${l.id}`}
            checked={!hidden.has(l.id)}
            disabled={disabled}
            onChange={(on) =>
              onChange({ hiddenLayerIds: on ? settings.hiddenLayerIds.filter((x) => x !== l.id) : [...settings.hiddenLayerIds, l.id] })
            }
          />
        ))}
      </div>
      <SelectField
        label={t('evidence.field.legend')}
        testId="evidence-legend"
        options={[
          { value: 'right', label: t('evidence.legend.right') },
          { value: 'bottom', label: t('evidence.legend.bottom') },
        ]}
        value={settings.legendPosition}
        onChange={(legendPosition) => onChange({ legendPosition })}
        disabled={disabled}
      />
      <CheckboxField
        label={t('evidence.field.imagery')}
        testId="evidence-imagery"
        checked={settings.imagery && imagery.length > 0}
        disabled={disabled || imagery.length === 0}
        onChange={(on) => onChange({ imagery: on })}
        hint={imagery.length === 0 ? t('evidence.imagery.none') : undefined}
      />
      {imagery.length > 0 && settings.imagery && (
        <SelectField
          label={t('evidence.field.imageryLayer')}
          testId="evidence-imagery-layer"
          options={imagery.map((i) => ({ value: i.id, label: i.name }))}
          value={imageryId ?? imagery[0]!.id}
          onChange={onImagery}
          disabled={disabled}
        />
      )}
      <SelectField
        label={t('evidence.field.grid')}
        testId="evidence-grid"
        options={GRID_SPACINGS_MM.map((mm) => ({ value: String(mm), label: t('evidence.grid.cm', { cm: mm / 10 }) }))}
        value={String(settings.gridSpacingMm)}
        onChange={(v) => onChange({ gridSpacingMm: Number(v) })}
        disabled={disabled}
      />
    </div>
  );
}
