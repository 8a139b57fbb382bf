/** The 影像 tab: the open GeoTIFFs with visibility, opacity, zoom to, remove, and what was read from each. */
import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { Icon } from '../../../ui/Icon';
import { closeGeotiff, geotiffLayers, setGeotiffOpacity, setGeotiffVisible, type GeotiffLayer } from '../geotiff-client';
import { formatBytes, pixelSizeText } from '../geotiff.view';

function GeotiffItem({ layer }: { layer: GeotiffLayer }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { info } = layer;
  return (
    <li className="layer-item" data-testid="geotiff-item">
      <div className="layer-row">
        <input
          type="checkbox"
          checked={layer.visible}
          title={t('geotiff.visible')}
          data-testid="geotiff-visible"
          onChange={(e) => setGeotiffVisible(layer.id, e.currentTarget.checked)}
        />
        <span className="layer-name" title={layer.name} data-testid="geotiff-name">
          {layer.name}
        </span>
        <span className="layer-count">{formatBytes(info.sizeBytes)}</span>
      </div>
      <div className="layer-row sub">
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={layer.opacity}
          title={`${t('geotiff.opacity')} ${Math.round(layer.opacity * 100)}%`}
          data-testid="geotiff-opacity"
          onChange={(e) => setGeotiffOpacity(layer.id, Number(e.currentTarget.value))}
        />
        <span className="opacity-label">{Math.round(layer.opacity * 100)}%</span>
      </div>
      <div className="panel-note" data-testid="geotiff-meta">
        <div>{t('geotiff.crs', { crs: info.crsLabel })}</div>
        <div>
          {t('geotiff.size', { width: info.width, height: info.height, bands: info.samplesPerPixel, bits: info.bitsPerSample })}，
          {t('geotiff.pixel', { size: pixelSizeText(info) })}
        </div>
        <div>{info.overviews.length > 0 ? t('geotiff.overviews', { count: info.overviews.length }) : t('geotiff.noOverviews')}</div>
        {info.stretch && <div>{t('geotiff.stretch', { lo: info.stretch.lo.join('/'), hi: info.stretch.hi.join('/') })}</div>}
        {info.nodata !== null && <div>{t('geotiff.nodata', { value: info.nodata })}</div>}
        <div>{info.date ? t('geotiff.date', { date: info.date.text, from: t(`geotiff.dateFrom.${info.date.from}`) }) : t('geotiff.noDate')}</div>
        <div>{t('geotiff.georefFrom', { from: t(`geotiff.from.${info.transformFrom}`) })}</div>
      </div>
      <div className="layer-row tools">
        <button
          className="icon-btn"
          title={t('geotiff.zoomTo')}
          data-testid="geotiff-zoom"
          onClick={() => wb.map.whenReady((m) => m.fit(info.boundsLngLat, { maxZoom: layer.maxzoom }))}
        >
          <Icon name="zoom" />
        </button>
        <button className="icon-btn" title={t('geotiff.remove')} data-testid="geotiff-remove" onClick={() => void closeGeotiff(layer.id)}>
          <Icon name="close" />
        </button>
      </div>
    </li>
  );
}

export function GeotiffPanel() {
  const { t } = useI18n();
  const layers = useStore(geotiffLayers);
  return (
    <section className="panel layer-panel" data-testid="geotiff-panel">
      <header className="panel-header">
        <h2>{t('geotiff.title')}</h2>
        <span className="muted">{layers.length}</span>
      </header>
      {layers.length === 0 ? (
        <p className="empty-note">{t('geotiff.empty')}</p>
      ) : (
        <>
          <p className="panel-note">{t('geotiff.session')}</p>
          <ul className="layer-list">
            {[...layers].reverse().map((l) => (
              <GeotiffItem key={l.id} layer={l} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
