/** What was read from an open GeoTIFF (CRS, size, pixel, overviews, stretch, nodata, date, where its placement came from), for the imagery list's details. */
import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { geotiffLayers } from '../geotiff-client';
import { pixelSizeText } from '../geotiff.view';

export function GeotiffDetails({ id }: { id: string }) {
  const { t } = useI18n();
  const layer = useStore(geotiffLayers).find((l) => l.id === id);
  if (!layer) return null;
  const { info } = layer;
  return (
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
  );
}
