import { useI18n } from '../../../i18n';
import type { SurveyPlot } from '../../../../shared/domain/survey/plot';
import { formatMetres, formatMu, formatSquareMetres } from '../../../../shared/domain/units/format';
import { formatSurveyIssue } from '../../../../shared/i18n/survey';
import { SIDE_DECIMALS } from '../../../../shared/domain/survey/table';
import { toMu } from '../../../../shared/domain/units/area';

/**
 * `openRings`: rings the file did not close on their first point (their boundary is closed from the last point back
 * to the first, so there is no closing error to give: said instead of a 0).
 *
 * A plot's figures as a 界址点成果表 prints them: the zone, 闭合差, 面积 (高斯平面 in the zone and 椭球, m² and 亩,
 * each labelled), or the refusal of a boundary that is not simple (the reason in words, nothing saved).
 */
export function PlotFigures({ plot, testId, openRings = [] }: { plot: SurveyPlot; testId: string; openRings?: readonly number[] }) {
  const { t, lang } = useI18n();
  const refusal = plot.issues.find((i) => i.code === 'survey.notSimple');
  const z = plot.zone;
  return (
    <div className="survey-figures" data-testid={testId}>
      <div className="survey-figure-row" data-testid={`${testId}-zone`}>
        <span>{t('survey.figures.zone')}</span>
        <strong>
          {z.kind === 'known'
            ? t('survey.figures.zoneKnown', { width: z.zone.width, zone: z.zone.zone, cm: z.zone.centralMeridian, epsg: z.epsg })
            : t('survey.figures.zoneUnknown')}
        </strong>
      </div>
      <div className="survey-figure-row">
        <span>{t('survey.figures.closure')}</span>
        <strong data-testid={`${testId}-closure`} data-metres={plot.closureMetres.toFixed(4)}>
          {formatMetres(plot.closureMetres, { decimals: 3 })} m
        </strong>
      </div>
      {openRings.length > 0 && (
        <div className="map-card-note" data-testid={`${testId}-open`}>
          {t('survey.figures.notClosed', { rings: openRings.join('、') })}
        </div>
      )}
      {refusal ? (
        <p className="msg error" role="alert" data-testid={`${testId}-refusal`}>
          {formatSurveyIssue(refusal, lang)}
        </p>
      ) : (
        plot.area && (
          <>
            <div className="survey-figure-row">
              <span>{t('survey.figures.planar')}</span>
              <strong data-testid={`${testId}-planar`} data-m2={plot.area.planarM2.toFixed(4)}>
                {formatSquareMetres(plot.area.planarM2, { thousands: true })} {t('unit.m2')} · {formatMu(plot.area.mu, { thousands: true })}{' '}
                {t('unit.mu')}
              </strong>
            </div>
            <div className="survey-figure-row">
              <span>{t('survey.figures.ellipsoidal')}</span>
              <strong data-testid={`${testId}-ellipsoidal`} data-m2={plot.area.ellipsoidalM2?.toFixed(4) ?? ''}>
                {plot.area.ellipsoidalM2 === null
                  ? t('survey.figures.needsZone')
                  : `${formatSquareMetres(plot.area.ellipsoidalM2, { thousands: true })} ${t('unit.m2')} · ${formatMu(toMu(plot.area.ellipsoidalM2), { thousands: true })} ${t('unit.mu')}`}
              </strong>
            </div>
          </>
        )
      )}
      <div className="map-card-note">{t('survey.figures.note', { decimals: SIDE_DECIMALS })}</div>
    </div>
  );
}
