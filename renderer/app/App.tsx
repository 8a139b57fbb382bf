import { useCallback, useEffect, useState } from 'react';
import { getMapView, getSetting, putSetting, type MapView } from '../db';
import { takeStartupLayers, type StartupLayers } from '../features/layers';
import { I18nProvider, isLang, translate, type Lang } from '../i18n';
import { electronApi } from '../platform/platform';
import { Workspace } from './Workspace';

type Boot = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; lang: Lang; view: MapView | null; layers: StartupLayers | null };

/** Boot: language, the last map view and the stored layers come from IndexedDB before the workspace mounts. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  useEffect(() => {
    Promise.all([getSetting('lang'), getMapView(), takeStartupLayers()]).then(
      ([lang, view, layers]) => setBoot({ status: 'ready', lang: isLang(lang) ? lang : 'zh-CN', view, layers }),
      (e: unknown) => setBoot({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  const setLang = useCallback((lang: Lang) => {
    setBoot((b) => (b.status === 'ready' ? { ...b, lang } : b));
    void putSetting('lang', lang).catch(() => undefined);
  }, []);
  const lang = boot.status === 'ready' ? boot.lang : 'zh-CN';
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
    // In Electron the application menu follows the window's language (a no-op in a browser).
    void electronApi()?.setMenuLanguage(lang).catch(() => undefined);
  }, [lang]);

  if (boot.status === 'loading') return <BootWait />;
  if (boot.status === 'error') return <div className="boot error">{translate('zh-CN', 'app.dbError', { message: boot.message })}</div>;
  return (
    <I18nProvider lang={boot.lang} setLang={setLang}>
      <Workspace savedView={boot.view} startupLayers={boot.layers} />
    </I18nProvider>
  );
}

/**
 * The wait for IndexedDB at start: usually a few tens of ms, so the text appears only if it takes longer (a text
 * shown and replaced at once would be one more frame to paint before the map).
 */
function BootWait() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const t = window.setTimeout(() => setShow(true), 400);
    return () => window.clearTimeout(t);
  }, []);
  return <div className="boot">{show ? translate('zh-CN', 'app.loading') : null}</div>;
}
