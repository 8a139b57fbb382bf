/** 影像图层: the imagery layers under the vector ones in the layer list (order, visibility, opacity, zoom to, details). */
import { useState } from 'react';
import type { ImageryLayer } from '../../../db';
import { useI18n, type MessageKey } from '../../../i18n';
import { Icon } from '../../../ui/Icon';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { GeotiffDetails } from '../../geotiff';
import { BasemapRows } from '../../basemaps';
import { formatBounds, formatBytes } from '../imagery.logic';
import { zoomToImagery } from '../zoom-to';
import { activate, imageryStore, moveImagery, patchImagery, removeImagery, type ImageryStatus } from '../imagery-store';

function sizeOf(l: ImageryLayer): number | null {
  const s = l.source;
  if (s.kind === 'mbtiles' || s.kind === 'pmtiles' || s.kind === 'geotiff') return s.file.size;
  if (s.kind === 'xyz') return s.folder.size;
  return null;
}

function keptOf(l: ImageryLayer): 'copy' | 'handle' | 'session' | null {
  const s = l.source;
  if (s.kind === 'mbtiles' || s.kind === 'pmtiles' || s.kind === 'geotiff') return s.file.storage;
  if (s.kind === 'xyz') return s.folder.storage;
  return null;
}

const fileNameOf = (l: ImageryLayer) => {
  const s = l.source;
  return s.kind === 'xyz' ? s.folder.name : s.kind === 'online' ? l.name : s.file.name;
};

function StatusLine({ layer, status, onReopen }: { layer: ImageryLayer; status: ImageryStatus | undefined; onReopen: () => void }) {
  const { t } = useI18n();
  if (!status || status.state === 'ready') return null;
  const file = fileNameOf(layer);
  if (status.state === 'opening') return <div className="layer-row sub muted">{t('imagery.status.opening')}</div>;
  if (status.state === 'needsPermission')
    return (
      <div className="layer-row sub imagery-warn" data-testid="imagery-status">
        <span>{t('imagery.status.needsPermission', { file })}</span>
        <button className="btn small" onClick={() => void activate(layer, true)}>
          {t('imagery.status.allow')}
        </button>
      </div>
    );
  if (status.state === 'missing')
    return (
      <div className="layer-row sub imagery-warn" data-testid="imagery-status">
        <span>{t('imagery.status.missing', { file })}</span>
        <button className="btn small" onClick={onReopen}>
          {t('imagery.status.reopen')}
        </button>
      </div>
    );
  return (
    <div className="layer-row sub imagery-warn" data-testid="imagery-status">
      {t('imagery.status.failed', { reason: t(status.key as MessageKey, { file, detail: status.detail }) })}
    </div>
  );
}

function ImageryItem({
  layer,
  status,
  isTop,
  isBottom,
}: {
  layer: ImageryLayer;
  status: ImageryStatus | undefined;
  isTop: boolean;
  isBottom: boolean;
}) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const id = layer.id;
  const size = sizeOf(layer);
  const kept = keptOf(layer);
  const bounds = layer.info.bounds;
  const zooms = t('imagery.zoomRange', { min: layer.info.minzoom, max: layer.info.maxzoom });
  return (
    <li
      className={`layer-item imagery-item${layer.visible ? '' : ' hidden-layer'}`}
      data-testid="imagery-item"
      data-layer-id={id}
      data-layer-name={layer.name}
    >
      <div className="layer-row">
        <input
          type="checkbox"
          checked={layer.visible}
          title={t('imagery.visible')}
          aria-label={t('imagery.visible')}
          data-testid="imagery-visible"
          onChange={(e) => void patchImagery(id, { visible: e.target.checked })}
        />
        <span className="swatch imagery-swatch" />
        <span className="layer-name" title={fileNameOf(layer)} data-testid="imagery-name">
          {layer.name}
        </span>
        {layer.sample && <span className="badge sample">{t('imagery.sample')}</span>}
        <span className="layer-count">{t(`imagery.kind.${layer.source.kind}`)}</span>
      </div>
      <div className="layer-row sub">
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={layer.opacity}
          title={`${t('imagery.opacity')} ${Math.round(layer.opacity * 100)}%`}
          data-testid="imagery-opacity"
          onChange={(e) => void patchImagery(id, { opacity: Number(e.target.value) })}
        />
        <span className="opacity-label">{Math.round(layer.opacity * 100)}%</span>
        <span className="muted">{zooms}</span>
        {kept && (
          <span className={`imagery-kept-badge ${kept}`} title={t(`imagery.kept.${kept}`)} data-testid="imagery-kept-badge">
            {t(`imagery.keptShort.${kept}`)}
          </span>
        )}
      </div>
      <StatusLine layer={layer} status={status} onReopen={() => wb.run('imagery.open')} />
      {open && (
        <dl className="imagery-details" data-testid="imagery-details">
          <dt>{t('imagery.extent')}</dt>
          <dd>{formatBounds(bounds) ?? '—'}</dd>
          <dt>{t('imagery.zooms')}</dt>
          <dd>{zooms}</dd>
          <dt>{t('imagery.format')}</dt>
          <dd>
            {layer.source.kind === 'geotiff' ? 'GeoTIFF' : (layer.info.format ?? '—').toUpperCase()}
            {layer.source.kind === 'xyz' ? `，${t(`imagery.rows.${layer.source.rows}`)}` : ''}
          </dd>
          {size !== null && (
            <>
              <dt>{t('imagery.size')}</dt>
              <dd>{formatBytes(size)}</dd>
            </>
          )}
          {kept && (
            <>
              <dt>{t('imagery.kept')}</dt>
              <dd data-testid="imagery-kept">
                {fileNameOf(layer)}：{t(`imagery.kept.${kept}`)}
              </dd>
            </>
          )}
          {layer.source.kind === 'geotiff' && Object.keys(layer.source.sidecars).length > 0 && (
            <>
              <dt>{t('imagery.sidecars')}</dt>
              <dd>
                {Object.values(layer.source.sidecars)
                  .map((c) => c.name)
                  .join('、')}
              </dd>
            </>
          )}
          {layer.info.description && (
            <>
              <dt>{t('imagery.description')}</dt>
              <dd>{layer.info.description}</dd>
            </>
          )}
        </dl>
      )}
      {open && layer.source.kind === 'geotiff' && <GeotiffDetails id={id} />}
      {confirming ? (
        <div className="layer-row confirm">
          <span>{t('imagery.removeConfirm', { name: layer.name })}</span>
          <button className="btn danger small" data-testid="imagery-confirm-delete" onClick={() => void removeImagery(id)}>
            {t('common.delete')}
          </button>
          <button className="btn small" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <div className="layer-row tools">
          <button className="icon-btn" title={t('imagery.up')} disabled={isTop} onClick={() => void moveImagery(id, 'up')}>
            <Icon name="up" />
          </button>
          <button className="icon-btn" title={t('imagery.down')} disabled={isBottom} onClick={() => void moveImagery(id, 'down')}>
            <Icon name="down" />
          </button>
          <button
            className="icon-btn"
            title={t('imagery.zoomTo')}
            data-testid="imagery-zoom"
            disabled={!bounds}
            onClick={() => {
              const m = wb.map.current();
              if (m) zoomToImagery(m, layer.info);
            }}
          >
            <Icon name="zoom" />
          </button>
          <button className="icon-btn" title={t('imagery.details')} data-testid="imagery-info" onClick={() => setOpen((o) => !o)}>
            <Icon name="info" />
          </button>
          <span className="spacer" />
          <button className="icon-btn danger" title={t('imagery.remove')} data-testid="imagery-remove" onClick={() => setConfirming(true)}>
            <Icon name="close" />
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * 影像: the one imagery section of the layer list (the layers feature places it under its vector layers): the local
 * imagery (tile packages, tile folders, GeoTIFFs) top first, then the online basemaps, which always draw under it.
 */
export function ImageryLayerSection() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const { layers, status, loaded } = useStore(imageryStore);
  const topFirst = [...layers].reverse();
  return (
    <section className="imagery-section" data-testid="imagery-section">
      <header className="panel-header imagery-header">
        <h2>{t('imagery.title')}</h2>
        <span className="muted">{layers.length}</span>
        <span className="spacer" />
        <button className="btn small" data-testid="imagery-open" onClick={() => wb.run('imagery.open')}>
          {t('imagery.open')}
        </button>
      </header>
      <h3 className="imagery-subhead">{t('imagery.local')}</h3>
      {loaded && layers.length === 0 ? (
        <p className="empty-note">{t('imagery.empty')}</p>
      ) : (
        <ul className="layer-list imagery-list">
          {topFirst.map((l, i) => (
            <ImageryItem key={l.id} layer={l} status={status[l.id]} isTop={i === 0} isBottom={i === topFirst.length - 1} />
          ))}
        </ul>
      )}
      <h3 className="imagery-subhead">{t('imagery.online')}</h3>
      <BasemapRows />
    </section>
  );
}
