import type { GkZoneRef } from '../../../../shared/domain/units/area';
import { formatNumber, useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { formatDegrees, formatMetres, gkOf, roundScale, scaleDenominator, zoneForStatus } from '../statusbar.logic';

export interface Camera {
  zoom: number;
  lat: number;
}

/** 经度/纬度 (7 decimals), X/Y in the data's CGCS2000 zone (X north, Y east with zone prefix), scale 1:N. */
export function StatusBar({ pointer, camera, dataZone }: { pointer: [number, number] | null; camera: Camera | null; dataZone: GkZoneRef | null }) {
  const { t, lang } = useI18n();
  // The online basemaps publish whether a source is on ('basemaps.net': null | 'online' | 'offline' | 'idle').
  const net = useStore(useWorkbench().keys)['basemaps.net'];
  const zone = pointer ? zoneForStatus(dataZone, pointer[0]) : null;
  const gk = pointer && zone ? gkOf(zone, pointer[0], pointer[1]) : null;
  const scale = camera ? roundScale(scaleDenominator(camera.zoom, camera.lat)) : 0;
  return (
    <footer className="statusbar" data-testid="statusbar">
      {pointer ? (
        <>
          <span className="cell" data-testid="status-lnglat">
            {t('status.lng')} <b>{formatDegrees(pointer[0])}</b> {t('status.lat')} <b>{formatDegrees(pointer[1])}</b>
          </span>
          <span className="cell" data-testid="status-gk">
            {t('status.x')} <b>{gk ? formatMetres(gk.x) : '—'}</b> {t('status.y')} <b>{gk ? formatMetres(gk.y) : '—'}</b>
          </span>
          {zone && <span className="cell muted">{t('status.zone', { width: zone.width, zone: zone.zone, cm: zone.centralMeridian })}</span>}
        </>
      ) : (
        <span className="cell muted">{t('status.noCursor')}</span>
      )}
      <span className="spacer" />
      {scale > 0 && (
        <span className="cell" data-testid="status-scale">
          {t('status.scale')} <b>1:{formatNumber(lang, scale)}</b>
        </span>
      )}
      {net === 'online' || net === 'offline' || net === 'idle' ? (
        <span className="cell" data-testid="status-network">
          {t(net === 'offline' ? 'basemaps.status.offline' : 'basemaps.status.on')}
        </span>
      ) : (
        <span className="cell muted" data-testid="status-network">
          {t('status.offline')}
        </span>
      )}
    </footer>
  );
}
