/**
 * 在线底图设置 (from a basemap's row in the 影像 list, or the 在线底图 command): the Tianditu key and server, the XYZ
 * sources with their datum, the cache and its limit, and download ahead. The sources are switched on in the list.
 */
import { useState } from 'react';
import { Dialog } from '../../../ui/Dialog';
import { clearBasemapCache } from '../../../db';
import { formatNumber, useI18n } from '../../../i18n';
import { Field, NumberField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { formatSize, type BasemapSettings } from '../basemaps.logic';
import { basemapSettings, cacheState, refreshCacheStats, saveBasemapSettings } from '../basemaps-state';
import { dialogState } from '../dialog-state';
import { DatumBadge, sourceName } from './source-text';

export function BasemapSettingsDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const wb = useWorkbench();
  const settings = useStore(basemapSettings);
  const cache = useStore(cacheState);
  const [key, setKey] = useState(settings.tiandituKey);
  const [server, setServer] = useState(settings.tiandituServer);
  const [saved, setSaved] = useState(false);
  const save = (next: BasemapSettings) => wb.attempt('basemaps.command', () => saveBasemapSettings(next));
  const keyDirty = key !== settings.tiandituKey || server !== settings.tiandituServer;
  const custom = settings.sources.filter((s) => s.kind === 'xyz');
  const anyOn = settings.sources.some((s) => s.enabled);

  const row = (s: (typeof custom)[number]) => (
    <li key={s.id} className="basemap-row" data-testid="basemap-source" data-source-id={s.id}>
      <span>{sourceName(t, s)}</span> <DatumBadge source={s} />{' '}
      <button type="button" className="btn small" onClick={() => save({ ...settings, sources: settings.sources.filter((x) => x.id !== s.id) })}>
        {t('basemaps.remove')}
      </button>
    </li>
  );

  return (
    <Dialog title={t('basemaps.settingsTitle')} onClose={onClose} testId="basemap-settings-dialog" wide>
      <section className="basemaps-panel" data-testid="basemaps-panel">
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
        </div>
      </section>
    </Dialog>
  );
}
