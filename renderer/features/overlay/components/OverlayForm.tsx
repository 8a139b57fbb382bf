import type { LayerRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import type { OverlayLayerChoice } from '../overlay.logic';

export interface OverlayFormValue {
  plotLayerId: string;
  idField: string | null;
  overlays: OverlayLayerChoice[];
}

/** Choose the patch layer (and its id field) and the overlay layers (each with an optional group field). */
export function OverlayForm({ polygons, value, onChange, defaults }: { polygons: LayerRecord[]; value: OverlayFormValue; onChange: (v: OverlayFormValue) => void; defaults: (l: LayerRecord) => OverlayLayerChoice }) {
  const { t } = useI18n();
  const plot = polygons.find((l) => l.id === value.plotLayerId);
  const toggle = (l: LayerRecord, on: boolean) =>
    onChange({ ...value, overlays: on ? [...value.overlays, defaults(l)] : value.overlays.filter((o) => o.layerId !== l.id) });
  const setGroup = (id: string, g: string) => onChange({ ...value, overlays: value.overlays.map((o) => (o.layerId === id ? { ...o, groupField: g === '' ? null : g } : o)) });
  return (
    <div className="overlay-form">
      <fieldset>
        <legend>{t('overlay.plotLayer')}</legend>
        <label>
          <select value={value.plotLayerId} data-testid="overlay-plot-layer" onChange={(e) => onChange({ ...value, plotLayerId: e.target.value, overlays: value.overlays.filter((o) => o.layerId !== e.target.value) })}>
            <option value="">{t('overlay.pickPlot')}</option>
            {polygons.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </label>
        {plot && (
          <label>
            <span>{t('overlay.idField')}</span>
            <select value={value.idField ?? ''} onChange={(e) => onChange({ ...value, idField: e.target.value || null })}>
              <option value="">fid</option>
              {plot.meta.fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
            </select>
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('overlay.overlayLayers')}</legend>
        {polygons.filter((l) => l.id !== value.plotLayerId).map((l) => {
          const chosen = value.overlays.find((o) => o.layerId === l.id);
          return (
            <label key={l.id}>
              <input type="checkbox" checked={!!chosen} data-testid="overlay-layer" onChange={(e) => toggle(l, e.target.checked)} />
              <span className="spacer">{l.name}</span>
              {chosen && (
                <select value={chosen.groupField ?? ''} title={t('overlay.groupField')} onChange={(e) => setGroup(l.id, e.target.value)}>
                  <option value="">{t('overlay.noGroup')}</option>
                  {l.meta.fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
                </select>
              )}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
