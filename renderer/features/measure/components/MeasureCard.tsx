import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { Icon } from '../../../ui/Icon';
import { formatMu, formatSquareMetres } from '../../../../shared/domain/units/format';
import { formatDms } from '../../../../shared/domain/survey/bearing';
import { topProjectedZone, useLayerList } from '../../layers';
import { formatLength, measure } from '../measure.logic';
import { session, stopMeasure } from '../measure-session';

function Length({ metres, testId }: { metres: number; testId: string }) {
  const l = formatLength(metres);
  return (
    <strong data-testid={testId} data-metres={metres.toFixed(3)}>
      {l.value} {l.unit}
    </strong>
  );
}

/** The live figures of the measurement being drawn, over the map; nothing while the tool is off. */
export function MeasureCard() {
  const s = useStore(session);
  const { t } = useI18n();
  const wb = useWorkbench();
  const { layers } = useLayerList();
  const dataZone = useMemo(() => topProjectedZone(layers), [layers]);
  const f = useMemo(() => (s.mode ? measure(s.mode, s.vertices, dataZone) : null), [s.mode, s.vertices, dataZone]);
  if (!s.mode) return null;
  const hint: MessageKey =
    s.phase === 'done'
      ? 'measure.hint.done'
      : s.phase === 'start'
        ? 'measure.hint.start'
        : s.mode === 'length'
          ? 'measure.hint.length'
          : 'measure.hint.area';
  const segments = f?.length.segmentsMetres ?? [];
  const last = segments[segments.length - 1];
  return (
    <div className="map-card measure-card" role="status" data-testid="measure-card" data-mode={s.mode} data-phase={s.phase}>
      <div className="map-card-row">
        <strong>{t(s.mode === 'length' ? 'measure.title.length' : 'measure.title.area')}</strong>
        <button
          type="button"
          className="icon-btn"
          title={t('measure.close')}
          aria-label={t('measure.close')}
          data-testid="measure-close"
          onClick={() => stopMeasure(wb)}
        >
          <Icon name="close" />
        </button>
      </div>
      {f && (
        <>
          <div className="map-card-row">
            <span>{t(s.mode === 'length' ? 'measure.totalLength' : 'measure.perimeter')}</span>
            <Length metres={f.length.totalMetres} testId="measure-length" />
          </div>
          {s.mode === 'length' && last !== undefined && (
            <div className="map-card-note" data-testid="measure-segments">
              {t('measure.segments', { count: segments.length, last: `${formatLength(last).value} ${formatLength(last).unit}` })}
            </div>
          )}
          {f.bearing && (
            <>
              <div className="map-card-row">
                <span>{t('survey.bearing.grid')}</span>
                <strong data-testid="measure-bearing-grid" data-degrees={f.bearing.gridDegrees.toFixed(6)}>
                  {formatDms(f.bearing.gridDegrees)}
                </strong>
              </div>
              <div className="map-card-row">
                <span>{t('survey.bearing.true')}</span>
                <span data-testid="measure-bearing-true" data-degrees={f.bearing.trueDegrees.toFixed(6)}>
                  {formatDms(f.bearing.trueDegrees)}
                </span>
              </div>
            </>
          )}
          {s.mode === 'area' && (
            <>
              <div className="map-card-row">
                <span>{t('measure.planarArea')}</span>
                <strong data-testid="measure-area" data-m2={f.area ? f.area.planarM2.toFixed(4) : ''}>
                  {f.area ? `${formatSquareMetres(f.area.planarM2, { thousands: true })} ${t('unit.m2')}` : '—'}
                </strong>
              </div>
              <div className="map-card-row">
                <span>{t('measure.mu')}</span>
                <strong data-testid="measure-area-mu">{f.area ? `${formatMu(f.area.mu, { thousands: true })} ${t('unit.mu')}` : '—'}</strong>
              </div>
              <div className="map-card-row">
                <span>{t('measure.ellipsoidalArea')}</span>
                <span data-testid="measure-area-ellipsoidal">
                  {f.area ? `${formatSquareMetres(f.area.ellipsoidalM2, { thousands: true })} ${t('unit.m2')}` : '—'}
                </span>
              </div>
            </>
          )}
          <div className="map-card-note" data-testid="measure-zone">
            {t(f.zone.source === 'data' ? 'measure.zone.data' : 'measure.zone.vertices', { width: f.zone.zone.width, zone: f.zone.zone.zone })}
          </div>
        </>
      )}
      <div className="map-card-note">{t(hint)}</div>
    </div>
  );
}
