/**
 * The online basemaps' rows in the one 影像 list (imagery's ImageryLayerSection places them under the local imagery):
 * on/off, opacity, order among the basemaps, what the source is and where its tiles are kept, the GCJ-02/BD-09
 * warning, 设置 (key, server, XYZ sources, cache, download ahead), and the download jobs.
 */
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { Icon } from '../../../ui/Icon';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { datumOf, formatSize, isShiftedDatum, moveSource, type BasemapSource } from '../basemaps.logic';
import { basemapSettings, cacheState, saveBasemapSettings } from '../basemaps-state';
import { dialogState } from '../dialog-state';
import { JobList } from './JobList';
import { DatumBadge, sourceName } from './source-text';

function hostOf(s: BasemapSource, server: string): string {
  const t = s.kind === 'xyz' ? s.template : server;
  return /^https?:\/\/([^/?#]+)/i.exec(t)?.[1] ?? t;
}

function BasemapRow({ source: s, isTop, isBottom }: { source: BasemapSource; isTop: boolean; isBottom: boolean }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const settings = useStore(basemapSettings);
  const cache = useStore(cacheState);
  const [open, setOpen] = useState(false);
  const save = (sources: BasemapSource[]) => wb.attempt('basemaps.command', () => saveBasemapSettings({ ...settings, sources }));
  const patch = (p: Partial<BasemapSource>) => save(settings.sources.map((x) => (x.id === s.id ? ({ ...x, ...p } as BasemapSource) : x)));
  const toggle = (on: boolean) => {
    if (on && s.kind === 'tianditu' && settings.tiandituKey.trim() === '') {
      wb.notices.push('warning', t('basemaps.keyNeeded'));
      dialogState.set({ kind: 'settings' });
      return;
    }
    patch({ enabled: on });
  };
  const name = sourceName(t, s);
  const maxzoom = s.kind === 'xyz' ? s.maxzoom : 18;
  return (
    <li className={`layer-item imagery-item${s.enabled ? '' : ' hidden-layer'}`} data-testid="basemap-source" data-source-id={s.id}>
      <div className="layer-row">
        <input
          type="checkbox"
          checked={s.enabled}
          title={t('basemaps.toggle')}
          aria-label={`${name} ${t('basemaps.toggle')}`}
          data-testid={`basemap-toggle-${s.id}`}
          onChange={(e) => toggle(e.target.checked)}
        />
        <span className="swatch imagery-swatch online" />
        <span className="layer-name" title={name}>
          {name}
        </span>
        <DatumBadge source={s} />
      </div>
      {s.enabled && (
        <div className="layer-row sub">
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={s.opacity}
            title={`${t('basemaps.opacity')} ${Math.round(s.opacity * 100)}%`}
            aria-label={`${name} ${t('basemaps.opacity')}`}
            data-testid="basemap-opacity"
            onChange={(e) => patch({ opacity: Number(e.target.value) })}
          />
          <span className="opacity-label">{Math.round(s.opacity * 100)}%</span>
          <span className="muted">{t('imagery.zoomRange', { min: 0, max: maxzoom })}</span>
        </div>
      )}
      {s.enabled && isShiftedDatum(datumOf(s)) && (
        <p className="basemap-warning" role="note" data-testid="basemap-shift-warning">
          {t('basemaps.shiftedWarning', { name, datum: t(`basemaps.datum.${datumOf(s)}`) })}
        </p>
      )}
      {open && (
        <dl className="imagery-details" data-testid="basemap-details">
          <dt>{t('basemaps.details.server')}</dt>
          <dd>{hostOf(s, settings.tiandituServer)}</dd>
          <dt>{t('basemaps.details.datum')}</dt>
          <dd>{t(`basemaps.datum.${datumOf(s)}`)}</dd>
          <dt>{t('imagery.zooms')}</dt>
          <dd>{t('imagery.zoomRange', { min: 0, max: maxzoom })}</dd>
          <dt>{t('imagery.kept')}</dt>
          <dd data-testid="basemap-kept">
            {t('basemaps.details.kept', { size: formatSize(cache.bytes), limit: formatSize(settings.cacheLimitMiB * 1024 * 1024) })}
          </dd>
        </dl>
      )}
      <div className="layer-row tools">
        <button className="icon-btn" title={t('imagery.up')} disabled={isTop} onClick={() => save(moveSource(settings.sources, s.id, 'up'))}>
          <Icon name="up" />
        </button>
        <button className="icon-btn" title={t('imagery.down')} disabled={isBottom} onClick={() => save(moveSource(settings.sources, s.id, 'down'))}>
          <Icon name="down" />
        </button>
        <button className="icon-btn" title={t('basemaps.noExtent')} disabled>
          <Icon name="zoom" />
        </button>
        <button className="icon-btn" title={t('imagery.details')} data-testid="basemap-info" onClick={() => setOpen((o) => !o)}>
          <Icon name="info" />
        </button>
        <span className="spacer" />
        <button className="btn small" data-testid="basemap-settings" onClick={() => dialogState.set({ kind: 'settings' })}>
          {t('basemaps.settings')}
        </button>
      </div>
    </li>
  );
}

export function BasemapRows() {
  const settings = useStore(basemapSettings);
  // Shown top first, as the local imagery above: the list's last source draws on top.
  const topFirst = [...settings.sources].reverse();
  return (
    <>
      <ul className="layer-list imagery-list" data-testid="basemap-rows">
        {topFirst.map((s, i) => (
          <BasemapRow key={s.id} source={s} isTop={i === 0} isBottom={i === topFirst.length - 1} />
        ))}
      </ul>
      <JobList />
    </>
  );
}
