/** The shell's own commands: the language switch (视图 menu; the toolbar has its own selector). */
import type { FeatureContribution } from '../ui/contributions';

export const shellFeature: FeatureContribution = {
  id: 'shell',
  commands: [
    {
      id: 'app.toggleLanguage',
      labelKey: 'menu.toggleLanguage',
      menu: { menu: 'view', group: 9, order: 0 },
      perform: ({ lang, setLang }) => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN'),
    },
  ],
};
