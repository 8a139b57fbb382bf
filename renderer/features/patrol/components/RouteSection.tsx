import { useRef } from 'react';
import { formatNumber, useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { formatLength } from '../../measure';
import { TRACK_ACCEPT } from '../drop.logic';
import { routeHasTimes } from '../patrol.logic';
import { cancelWork, clearRoute, drawRoute, formState, importTrack } from '../patrol-form-state';

const DATUM_KEYS = { wgs84: 'patrol.datum.wgs84', gcj02: 'patrol.datum.gcj02', unknown: 'patrol.datum.unknown' } as const;

/** 巡查路线: imported (GPX/KML/KMZ/奥维) or drawn with the line tool; its source, length, points and the reader's notes. */
export function RouteSection() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const ctx = { wb, t, lang };
  const form = useStore(formState);
  const input = useRef<HTMLInputElement>(null);
  if (!form) return null;
  const { route, routeSource } = form.draft;
  const points = route.reduce((n, l) => n + l.length, 0);
  const length = formatLength(form.lengthMetres);
  return (
    <fieldset className="patrol-section" data-testid="patrol-route">
      <legend>{t('patrol.field.route')}</legend>
      <div className="patrol-buttons">
        <button
          type="button"
          className="btn small"
          data-testid="patrol-route-import"
          disabled={form.busy !== null}
          onClick={() => input.current?.click()}
        >
          {t('patrol.importTrack')}
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="patrol-route-draw"
          disabled={form.busy !== null || form.drawing}
          onClick={() => drawRoute(ctx)}
        >
          {t('patrol.route.draw')}
        </button>
        {route.length > 0 && (
          <button type="button" className="btn small" data-testid="patrol-route-clear" onClick={clearRoute}>
            {t('patrol.route.clear')}
          </button>
        )}
        <input
          ref={input}
          type="file"
          accept={TRACK_ACCEPT}
          hidden
          data-testid="patrol-route-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importTrack({ name: f.name, data: f }, ctx);
          }}
        />
      </div>
      {form.drawing && <p className="field-hint">{t('patrol.route.drawHint')}</p>}
      {form.busy && form.busy !== 'save' && (
        <div className="patrol-busy" role="status" data-testid="patrol-busy">
          <span className="spinner" aria-hidden="true" />
          {t(form.busy === 'read' ? 'patrol.busy.read' : 'patrol.busy.coverage')}
          <button type="button" className="btn small" data-testid="patrol-busy-cancel" onClick={cancelWork}>
            {t('patrol.cancel')}
          </button>
        </div>
      )}
      {route.length === 0 ? (
        <p className="muted">{t('patrol.route.none')}</p>
      ) : (
        <p data-testid="patrol-route-summary">
          {routeSource?.kind === 'import'
            ? t('patrol.route.imported', { file: routeSource.file, datum: t(DATUM_KEYS[routeSource.datum]) })
            : t('patrol.route.drawn')}
          {' · '}
          {t('patrol.route.figures', {
            lines: formatNumber(lang, route.length),
            points: formatNumber(lang, points),
            length: `${length.value} ${length.unit}`,
          })}
          {!routeHasTimes(route) && <span className="muted">{` · ${t('patrol.route.noTimes')}`}</span>}
        </p>
      )}
      {form.trackNotes.length > 0 && (
        <ul className="patrol-notes" data-testid="patrol-track-notes">
          {form.trackNotes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
