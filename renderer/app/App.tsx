import { useCallback, useEffect, useMemo, useState } from 'react';
import { getMapView, getSetting, putSetting } from '../db';
import { I18nProvider, isLang, translate, type Lang } from '../i18n';
import { errorReason } from '../platform/coded-error';
import { electronApi } from '../platform/platform';
import type { BootData } from '../ui/contributions';
import { FEATURES } from './features';
import { buildRegistry } from './registry.logic';
import { Workspace } from './Workspace';

type Boot = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; lang: Lang; data: BootData };

/** Boot: language, the last map view and what each feature reads at start come from IndexedDB before the workspace mounts. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ status: 'loading' });
  const registry = useMemo(() => buildRegistry(FEATURES, electronApi() ? 'electron' : 'browser', /mac/i.test(navigator.platform)), []);
  useEffect(() => {
    Promise.all([getSetting('lang'), getMapView(), ...FEATURES.map((f) => f.boot?.())]).then(
      ([lang, view]) => setBoot({ status: 'ready', lang: isLang(lang) ? lang : 'zh-CN', data: { savedView: view } }),
      (e: unknown) => setBoot({ status: 'error', error: e }),
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
  }, [lang]);

  if (boot.status === 'loading') return <BootWait />;
  if (boot.status === 'error') {
    // The language setting is in the database that could not be read: say it in both.
    const say = (l: Lang) => translate(l, 'app.dbError', { message: errorReason(boot.error, (k, p) => translate(l, k, p)) });
    return (
      <div className="boot error" role="alert">
        <p lang="zh-CN">{say('zh-CN')}</p>
        <p lang="en">{say('en')}</p>
      </div>
    );
  }
  return (
    <I18nProvider lang={boot.lang} setLang={setLang}>
      <Workspace registry={registry} boot={boot.data} />
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
