/**
 * 预先下载底图: a source, an area (the current view, a grid area, or a box drawn on the map), the zoom levels; the tile
 * count and the size estimate are shown before anything starts, and a job over the one-job maximum or the cache limit
 * is refused. While a box is drawn the dialog is away; what was chosen is kept for its return (`draft`).
 */
import { useEffect, useMemo, useState } from 'react';
import { formatNumber, useI18n } from '../../../i18n';
import { Dialog } from '../../../ui/Dialog';
import { NumberField, RadioGroup, SelectField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { gridState } from '../../grid';
import { startJob } from '../basemap-download';
import {
  boxOfPolygons,
  estimateDownload,
  formatBox,
  formatSize,
  MAX_DOWNLOAD_TILES,
  tileLayersOf,
  zoomsBetween,
  type LonLatBox,
} from '../basemaps.logic';
import { basemapSettings, cacheState, refreshCacheStats } from '../basemaps-state';
import { drawnBox, startDrawBox } from '../draw-box';
import { sourceName } from './source-text';

type AreaKind = 'view' | 'grid' | 'box';

interface Draft {
  sourceId: string;
  area: AreaKind;
  areaId: string;
  from: number | null;
  to: number | null;
  /** The view's box when the dialog opened (the map moves while a box is drawn). */
  view: LonLatBox | null;
}
/** What the dialog held when it stepped aside for 画框 (null: a fresh dialog). */
let draft: Draft | null = null;
export const forgetDownloadDraft = (): void => {
  draft = null;
};

export function DownloadDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const settings = useStore(basemapSettings);
  const cache = useStore(cacheState);
  const grid = useStore(gridState);
  const sources = settings.sources.filter((s) => s.enabled);
  const drawn = useStore(drawnBox);
  const d = draft;
  const [sourceId, setSourceId] = useState(d?.sourceId ?? sources[0]?.id ?? '');
  const [area, setArea] = useState<AreaKind>(d?.area ?? 'view');
  const areas = grid.areas.filter((a) => a.geometry !== null);
  const [areaId, setAreaId] = useState(d?.areaId ?? areas[0]?.id ?? '');
  const [from, setFrom] = useState<number | null>(() => (d ? d.from : Math.max(0, Math.floor(wb.map.current()?.view().zoom ?? 10))));
  const [to, setTo] = useState<number | null>(() => (d ? d.to : Math.min(18, Math.floor(wb.map.current()?.view().zoom ?? 10) + 2)));
  const [view] = useState<LonLatBox | null>(() => d?.view ?? wb.map.current()?.bounds() ?? null);
  useEffect(() => void refreshCacheStats(), []);
  const source = sources.find((s) => s.id === sourceId) ?? null;
  const drawBox = () => {
    draft = { sourceId, area: 'box', areaId, from, to, view };
    startDrawBox(wb);
  };
  const box: LonLatBox | null = useMemo(() => {
    if (area === 'view') return view;
    if (area === 'box') return drawn;
    const a = areas.find((x) => x.id === areaId);
    return a?.geometry ? boxOfPolygons(a.geometry as Parameters<typeof boxOfPolygons>[0]) : null;
  }, [area, areaId, areas, view, drawn]);
  const zooms = from !== null && to !== null ? zoomsBetween(from, to) : [];
  const est =
    source && box && zooms.length > 0
      ? estimateDownload(
          box,
          zooms,
          tileLayersOf(source, settings).map((l) => l.tileSet),
          cache.meanBytes,
        )
      : null;
  const limit = settings.cacheLimitMiB * 1024 * 1024;
  const tooMany = est !== null && est.tiles > MAX_DOWNLOAD_TILES;
  const overLimit = est !== null && est.bytes + cache.bytes > limit;
  const label =
    area === 'view' ? t('basemaps.dl.area.view') : area === 'box' ? t('basemaps.dl.area.box') : (areas.find((a) => a.id === areaId)?.name ?? '');
  const start = () => {
    if (!est || !box || !source || tooMany || overLimit) return;
    wb.attempt('basemaps.dl.start', async () => {
      await startJob(source.id, `${sourceName(t, source)} · ${label}`, box, zooms);
      onClose();
    });
  };
  return (
    <Dialog
      title={t('basemaps.dl.title')}
      onClose={onClose}
      testId="basemap-download-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('basemaps.dl.cancel')}
          </button>
          <button type="button" className="btn primary" data-testid="basemap-download-start" disabled={!est || tooMany || overLimit} onClick={start}>
            {t('basemaps.dl.start')}
          </button>
        </>
      }
    >
      <SelectField
        label={t('basemaps.dl.source')}
        value={sourceId}
        onChange={setSourceId}
        options={sources.map((s) => ({ value: s.id, label: sourceName(t, s) }))}
      />
      <RadioGroup<AreaKind>
        label={t('basemaps.dl.area')}
        value={area}
        onChange={setArea}
        testId="basemap-download-area"
        options={[
          { value: 'view', label: t('basemaps.dl.area.view') },
          {
            value: 'grid',
            label: t('basemaps.dl.area.grid'),
            disabled: areas.length === 0,
            detail: areas.length === 0 ? t('basemaps.dl.noGrid') : undefined,
          },
          { value: 'box', label: t('basemaps.dl.area.box') },
        ]}
      />
      {area === 'box' && (
        <div className="basemaps-actions" data-testid="basemap-download-box">
          {drawn ? <span>{formatBox(drawn)}</span> : <span className="muted">{t('basemaps.dl.noBox')}</span>}
          <button type="button" className="btn small" data-testid="basemap-download-draw" onClick={drawBox}>
            {drawn ? t('basemaps.dl.redraw') : t('basemaps.dl.draw')}
          </button>
        </div>
      )}
      {area === 'grid' && areas.length > 0 && (
        <SelectField
          label={t('basemaps.dl.gridArea')}
          value={areaId}
          onChange={setAreaId}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
        />
      )}
      <div className="basemaps-zooms">
        <NumberField label={t('basemaps.dl.zoomFrom')} integer min={0} max={22} value={from} onChange={setFrom} testId="basemap-zoom-from" />
        <NumberField label={t('basemaps.dl.zoomTo')} integer min={0} max={22} value={to} onChange={setTo} testId="basemap-zoom-to" />
      </div>
      {est && (
        <div className="basemaps-estimate" data-testid="basemap-estimate" data-tiles={est.tiles}>
          <p>
            <strong>
              {t('basemaps.dl.estimate', {
                tiles: formatNumber(lang, est.tiles),
                requests: formatNumber(lang, est.requests),
                size: formatSize(est.bytes),
              })}
            </strong>
          </p>
          <p className="muted">{est.perZoom.map((p) => `z${p.z}: ${formatNumber(lang, p.tiles)}`).join(' · ')}</p>
          <p className="muted">{t('basemaps.dl.estimateBasis')}</p>
          {tooMany && <p className="basemap-warning">{t('basemaps.dl.tooMany', { max: formatNumber(lang, MAX_DOWNLOAD_TILES) })}</p>}
          {!tooMany && overLimit && <p className="basemap-warning">{t('basemaps.dl.overLimit', { limit: formatSize(limit) })}</p>}
        </div>
      )}
    </Dialog>
  );
}
