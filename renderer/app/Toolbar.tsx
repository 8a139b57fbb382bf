import { LANGS, useI18n } from '../i18n';
import { Icon } from '../ui/Icon';
import { useStore } from '../ui/store';
import type { Workbench } from '../ui/workbench';
import { isEnabled, type Registry } from './registry.logic';

/** The toolbar generated from the commands' `toolbar` places, group by group, plus the language selector. */
export function Toolbar({ registry, wb }: { registry: Registry; wb: Workbench }) {
  const { t, lang, setLang } = useI18n();
  const keys = useStore(wb.keys);
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          国
        </span>
        <span className="brand-name">{t('app.title')}</span>
      </div>
      {registry.toolbar.map((group, i) => (
        <div className="tool-group" key={i}>
          {group.map((c) => {
            const pressed = c.checked?.(keys);
            return (
              <button
                key={c.id}
                className={[c.toolbar?.primary ? 'btn primary' : 'btn', pressed ? 'pressed' : ''].join(' ').trim()}
                data-testid={c.testId}
                data-command={c.id}
                disabled={!isEnabled(c, keys)}
                aria-pressed={pressed === undefined ? undefined : pressed}
                title={c.shortcut ? `${t(c.labelKey)} (${c.shortcut.replace('CmdOrCtrl', 'Ctrl')})` : undefined}
                onClick={() => wb.run(c.id)}
              >
                {c.icon && <Icon name={c.icon} />}
                {t(c.labelKey)}
              </button>
            );
          })}
        </div>
      ))}
      <span className="spacer" />
      <label className="lang-switch">
        <span>{t('toolbar.language')}</span>
        <select value={lang} data-testid="lang-select" onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'zh-CN')}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {l === 'en' ? t('lang.en') : t('lang.zh')}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
