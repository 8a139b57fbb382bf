import { useCallback, useEffect, useState } from 'react';
import { getMapView, getSetting, putSetting, type MapView } from '../db';
import { I18nProvider, isLang, translate, type Lang } from '../i18n';
import { Workspace } from './Workspace';

type Boot = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; lang: Lang; view: MapView | null };

/** Boot: language and the last map view come from IndexedDB before the workspace mounts. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  useEffect(() => {
    Promise.all([getSetting('lang'), getMapView()]).then(
      ([lang, view]) => setBoot({ status: 'ready', lang: isLang(lang) ? lang : 'zh-CN', view }),
      (e: unknown) => setBoot({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  const setLang = useCallback((lang: Lang) => {
    setBoot((b) => (b.status === 'ready' ? { ...b, lang } : b));
    void putSetting('lang', lang).catch(() => undefined);
  }, []);
  useEffect(() => {
    const lang = boot.status === 'ready' ? boot.lang : 'zh-CN';
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [boot]);

  if (boot.status === 'loading') return <div className="boot">{translate('zh-CN', 'app.loading')}</div>;
  if (boot.status === 'error') return <div className="boot error">{translate('zh-CN', 'app.dbError', { message: boot.message })}</div>;
  return (
    <I18nProvider lang={boot.lang} setLang={setLang}>
      <Workspace savedView={boot.view} />
    </I18nProvider>
  );
}
