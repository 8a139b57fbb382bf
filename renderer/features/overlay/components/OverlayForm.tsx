import type { LayerRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import { CheckboxField, Select, SelectField, type SelectOption } from '../../../ui/fields';
import type { OverlayLayerChoice } from '../overlay.logic';

export interface OverlayFormValue {
  plotLayerId: string;
  idField: string | null;
  overlays: OverlayLayerChoice[];
}

const fieldOptions = (l: LayerRecord): SelectOption<string>[] => l.meta.fields.map((f) => ({ value: f.name, label: f.name }));

/** Choose the patch layer (and its id field) and the overlay layers (each with an optional group field). */
export function OverlayForm({
  polygons,
  value,
  onChange,
  defaults,
}: {
  polygons: LayerRecord[];
  value: OverlayFormValue;
  onChange: (v: OverlayFormValue) => void;
  defaults: (l: LayerRecord) => OverlayLayerChoice;
}) {
  const { t } = useI18n();
  const plot = polygons.find((l) => l.id === value.plotLayerId);
  const toggle = (l: LayerRecord, on: boolean) =>
    onChange({ ...value, overlays: on ? [...value.overlays, defaults(l)] : value.overlays.filter((o) => o.layerId !== l.id) });
  // '' is "none" in a select: the plot layer not chosen yet, fid as the id, no group field.
  const setGroup = (id: string, g: string) =>
    onChange({ ...value, overlays: value.overlays.map((o) => (o.layerId === id ? { ...o, groupField: g === '' ? null : g } : o)) });
  return (
    <div className="overlay-form">
      <fieldset>
        <legend>{t('overlay.plotLayer')}</legend>
        <SelectField
          label={t('overlay.plotLayer')}
          hideLabel
          testId="overlay-plot-layer"
          options={[{ value: '', label: t('overlay.pickPlot') }, ...polygons.map((l) => ({ value: l.id, label: l.name }))]}
          value={value.plotLayerId}
          onChange={(id) => onChange({ ...value, plotLayerId: id, overlays: value.overlays.filter((o) => o.layerId !== id) })}
        />
        {plot && (
          <SelectField
            label={t('overlay.idField')}
            layout="inline"
            options={[{ value: '', label: 'fid' }, ...fieldOptions(plot)]}
            value={value.idField ?? ''}
            onChange={(f) => onChange({ ...value, idField: f || null })}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('overlay.overlayLayers')}</legend>
        {polygons
          .filter((l) => l.id !== value.plotLayerId)
          .map((l) => {
            const chosen = value.overlays.find((o) => o.layerId === l.id);
            return (
              <CheckboxField
                key={l.id}
                label={l.name}
                checked={!!chosen}
                testId="overlay-layer"
                onChange={(on) => toggle(l, on)}
                after={
                  chosen && (
                    <Select
                      title={t('overlay.groupField')}
                      options={[{ value: '', label: t('overlay.noGroup') }, ...fieldOptions(l)]}
                      value={chosen.groupField ?? ''}
                      onChange={(g) => setGroup(l.id, g)}
                    />
                  )
                }
              />
            );
          })}
      </fieldset>
    </div>
  );
}
