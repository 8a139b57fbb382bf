import { useEffect, useRef } from 'react';
import { MAIN_API_GLOBAL, type RendererEvents } from '../../shared/ipc/contract';
import { useI18n } from '../i18n';
import { electronApi } from '../platform/platform';
import { useStore } from '../ui/store';
import type { Workbench } from '../ui/workbench';
import { menuModel } from './menu.logic';
import type { Registry } from './registry.logic';

/**
 * In Electron the application menu is the registry's: the window sends main the menu model (in its language,
 * with each command's enabled state) whenever it changes, and main sends back the id of the command clicked.
 * Absent in a browser.
 */
export function useElectronMenu(registry: Registry, wb: Workbench): void {
  const { t, lang } = useI18n();
  const keys = useStore(wb.keys);
  const sent = useRef('');
  useEffect(() => {
    const api = electronApi();
    if (!api) return;
    const model = menuModel(registry, t, lang, keys);
    const json = JSON.stringify(model);
    if (json === sent.current) return;
    sent.current = json;
    void api.setMenu(model).catch(() => undefined);
  }, [registry, t, lang, keys]);
  useEffect(() => {
    const api = (window as unknown as Record<string, Partial<RendererEvents> | undefined>)[MAIN_API_GLOBAL];
    if (typeof api?.onMenuCommand !== 'function') return;
    return api.onMenuCommand((id) => wb.run(id));
  }, [wb]);
}
