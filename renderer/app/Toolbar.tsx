import type { ReactNode } from 'react';
import { LANGS, useI18n } from '../i18n';

export function Toolbar({ children, onOverlay }: { children: ReactNode; onOverlay: () => void }) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="brand">
        <span className="logo" aria-hidden>国</span>
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <div className="tool-group">{children}</div>
      <button className="btn" data-testid="overlay-button" onClick={onOverlay}>{t('toolbar.overlay')}</button>
      <span className="spacer" />
      <label className="lang-switch">
        <span>{t('toolbar.language')}</span>
        <select value={lang} data-testid="lang-select" onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'zh-CN')}>
          {LANGS.map((l) => (
            <option key={l} value={l}>{l === 'en' ? t('lang.en') : t('lang.zh')}</option>
          ))}
        </select>
      </label>
    </header>
  );
}
