/** 底图: the online sources (off by default), the Tianditu key, the XYZ sources with their datum, the cache, the downloads. */
import { useState } from 'react';
import { clearBasemapCache } from '../../../db';
import { formatNumber, useI18n } from '../../../i18n';
import { CheckboxField, Field, NumberField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { datumOf, formatSize, isShiftedDatum, type BasemapSettings, type BasemapSource } from '../basemaps.logic';
import { basemapSettings, cacheState, refreshCacheStats, saveBasemapSettings } from '../basemaps-state';
import { dialogState } from '../dialog-state';
import { JobList } from './JobList';
import { DatumBadge, sourceName } from './source-text';

export function BasemapsPanel() {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const settings = useStore(basemapSettings);
  const cache = useStore(cacheState);
  const [key, setKey] = useState(settings.tiandituKey);
  const [server, setServer] = useState(settings.tiandituServer);
  const [saved, setSaved] = useState(false);
  const save = (next: BasemapSettings) => wb.attempt('basemaps.command', () => saveBasemapSettings(next));
  const setSource = (id: string, patch: Partial<BasemapSource>) =>
    save({ ...settings, sources: settings.sources.map((s) => (s.id === id ? ({ ...s, ...patch } as BasemapSource) : s)) });
  const toggle = (s: BasemapSource, on: boolean) => {
    if (on && s.kind === 'tianditu' && settings.tiandituKey.trim() === '') {
      wb.notices.push('warning', t('basemaps.keyNeeded'));
      return;
    }
    setSource(s.id, { enabled: on });
  };
  const keyDirty = key !== settings.tiandituKey || server !== settings.tiandituServer;
  const tianditu = settings.sources.filter((s) => s.kind === 'tianditu');
  const custom = settings.sources.filter((s) => s.kind === 'xyz');
  const anyOn = settings.sources.some((s) => s.enabled);

  const row = (s: BasemapSource) => (
    <li key={s.id} className="basemap-row" data-testid="basemap-source" data-source-id={s.id}>
      <CheckboxField
        label={sourceName(t, s)}
        checked={s.enabled}
        onChange={(on) => toggle(s, on)}
        testId={`basemap-toggle-${s.id}`}
        after={<DatumBadge source={s} />}
      />
      {s.enabled && (
        <label className="basemap-opacity">
          {t('basemaps.opacity')}
          <input
            type="range"
            min={0}
            max={100}
            value={Math.round(s.opacity * 100)}
            onChange={(e) => setSource(s.id, { opacity: Number(e.target.value) / 100 })}
            aria-label={`${sourceName(t, s)} ${t('basemaps.opacity')}`}
          />
        </label>
      )}
      {s.kind === 'xyz' && (
        <button type="button" className="btn small" onClick={() => save({ ...settings, sources: settings.sources.filter((x) => x.id !== s.id) })}>
          {t('basemaps.remove')}
        </button>
      )}
      {s.enabled && isShiftedDatum(datumOf(s)) && (
        <p className="basemap-warning" role="note" data-testid="basemap-shift-warning">
          {t('basemaps.shiftedWarning', { name: sourceName(t, s), datum: t(`basemaps.datum.${datumOf(s)}`) })}
        </p>
      )}
    </li>
  );

  return (
    <section className="panel basemaps-panel" data-testid="basemaps-panel">
      <header className="panel-header">
        <h2>{t('basemaps.panel')}</h2>
      </header>
      <div className="basemaps-body">
        <p className="muted basemaps-intro">{t('basemaps.intro')}</p>

        <h3>{t('basemaps.tianditu')}</h3>
        <Field label={t('basemaps.key')} hint={t('basemaps.keyHint')}>
          {(c) => (
            <input
              {...c}
              className="field-input"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={key}
              data-testid="basemap-key"
              onChange={(e) => {
                setKey(e.target.value.trim());
                setSaved(false);
              }}
            />
          )}
        </Field>
        <details className="basemaps-advanced">
          <summary>{t('basemaps.server')}</summary>
          <Field label={t('basemaps.server')} hint={t('basemaps.serverHint')} hideLabel>
            {(c) => (
              <input
                {...c}
                className="field-input"
                type="text"
                value={server}
                data-testid="basemap-server"
                onChange={(e) => setServer(e.target.value.trim())}
              />
            )}
          </Field>
        </details>
        <div className="basemaps-actions">
          <button
            type="button"
            className="btn small primary"
            disabled={!keyDirty}
            data-testid="basemap-key-save"
            onClick={() => {
              save({ ...settings, tiandituKey: key, tiandituServer: server === '' ? settings.tiandituServer : server });
              setSaved(true);
            }}
          >
            {t('basemaps.saveKey')}
          </button>
          {saved && !keyDirty && <span className="muted">{t('basemaps.saved')}</span>}
        </div>
        <ul className="basemap-list">{tianditu.map(row)}</ul>

        <h3>{t('basemaps.custom')}</h3>
        {custom.length === 0 ? <p className="empty-note">{t('basemaps.noCustom')}</p> : <ul className="basemap-list">{custom.map(row)}</ul>}
        <button type="button" className="btn small" data-testid="basemap-add-xyz" onClick={() => dialogState.set({ kind: 'addXyz' })}>
          {t('basemaps.addXyz')}
        </button>

        <h3>{t('basemaps.cache')}</h3>
        <p data-testid="basemap-cache-usage">
          {t('basemaps.cacheUsage', {
            tiles: formatNumber(lang, cache.tiles),
            size: formatSize(cache.bytes),
            limit: formatSize(settings.cacheLimitMiB * 1024 * 1024),
          })}
        </p>
        <NumberField
          label={t('basemaps.cacheLimit')}
          hint={t('basemaps.cacheLimitHint')}
          integer
          min={16}
          max={1024 * 1024}
          value={settings.cacheLimitMiB}
          onChange={(v) => v !== null && v >= 16 && save({ ...settings, cacheLimitMiB: v })}
          unit="MB"
          testId="basemap-cache-limit"
        />
        <div className="basemaps-actions">
          <button
            type="button"
            className="btn small"
            onClick={() =>
              wb.attempt('basemaps.clearCache', async () => {
                await clearBasemapCache();
                await refreshCacheStats();
                wb.notices.push('info', t('basemaps.cleared'));
              })
            }
          >
            {t('basemaps.clearCache')}
          </button>
          <button
            type="button"
            className="btn small primary"
            data-testid="basemap-download-open"
            disabled={!anyOn}
            title={anyOn ? undefined : t('basemaps.downloadNeedsSource')}
            onClick={() => dialogState.set({ kind: 'download' })}
          >
            {t('basemaps.download')}
          </button>
        </div>
        <JobList />
      </div>
    </section>
  );
}
