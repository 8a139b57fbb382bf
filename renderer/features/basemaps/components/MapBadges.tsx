/** Over the map: 离线 when the basemap server cannot be reached, and a warning for each shifted (GCJ-02/BD-09) basemap on. */
import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useWorkbench } from '../../../ui/workbench';
import { useStore } from '../../../ui/store';
import { datumOf, isShiftedDatum } from '../basemaps.logic';
import { basemapSettings, netState, retryNow } from '../basemaps-state';
import { cancelDrawBox, drawingCorners } from '../draw-box';
import { sourceName } from './source-text';

export function MapBadges() {
  const { t } = useI18n();
  const settings = useStore(basemapSettings);
  const net = useStore(netState);
  const wb = useWorkbench();
  const anyOn = settings.sources.some((s) => s.enabled);
  // The status bar says whether requests may leave the machine (it reads this key).
  useEffect(() => wb.setKey('basemaps.net', anyOn ? net.status : null), [wb, anyOn, net.status]);
  const drawing = useStore(drawingCorners);
  const shifted = settings.sources.filter((s) => s.enabled && isShiftedDatum(datumOf(s)));
  const denied = net.denied ? settings.sources.find((s) => s.id === net.denied) : undefined;
  if (net.status !== 'offline' && shifted.length === 0 && !denied && !net.unavailable && !drawing) return null;
  return (
    <div className="basemap-badges" aria-live="polite">
      {drawing && (
        <div className="basemap-badge drawing" role="status" data-testid="basemap-draw-hint">
          <strong>{t('basemaps.draw.title')}</strong>
          <span>{t('basemaps.draw.hint')}</span>
          <button type="button" className="btn small" onClick={() => cancelDrawBox(wb)}>
            {t('basemaps.draw.cancel')}
          </button>
        </div>
      )}
      {net.status === 'offline' && (
        <div className="basemap-badge offline" role="status" data-testid="basemap-offline">
          <strong>{t('basemaps.offline')}</strong>
          <span>{t('basemaps.offlineDetail')}</span>
          <button type="button" className="btn small" onClick={retryNow}>
            {t('basemaps.retry')}
          </button>
        </div>
      )}
      {shifted.map((s) => (
        <div key={s.id} className="basemap-badge shifted" role="note" data-testid="basemap-map-warning">
          <strong>⚠ {datumOf(s) === 'gcj02' ? 'GCJ-02' : 'BD-09'}</strong>
          <span>{t('basemaps.shiftedWarning', { name: sourceName(t, s), datum: t(`basemaps.datum.${datumOf(s)}`) })}</span>
        </div>
      ))}
      {denied && (
        <div className="basemap-badge denied" role="alert">
          <span>{t('basemaps.denied', { source: sourceName(t, denied) })}</span>
        </div>
      )}
      {net.unavailable && (
        <div className="basemap-badge denied" role="alert">
          <span>{t('basemaps.unavailable')}</span>
        </div>
      )}
    </div>
  );
}
